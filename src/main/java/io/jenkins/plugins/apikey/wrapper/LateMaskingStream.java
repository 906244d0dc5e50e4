package io.jenkins.plugins.apikey.wrapper;

import hudson.model.Run;
import io.jenkins.plugins.apikey.log.MaskingLogFilter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A freestyle build's log that writes through until the build's keys are bound, then masks every
 * write after that. It lives on the controller: steps on agents send their output there.
 */
final class LateMaskingStream extends FilterOutputStream {

    private final Run<?, ?> build;
    private OutputStream masking;

    LateMaskingStream(Run<?, ?> build, OutputStream logger) {
        super(logger);
        this.build = build;
    }

    private OutputStream target() {
        if (masking == null) {
            MaskingLogFilter filter = BuildSecrets.filterOf(build);
            if (filter != null) {
                masking = filter.decorateLogger(build, out);
            }
        }
        return masking == null ? out : masking;
    }

    @Override
    public void write(int b) throws IOException {
        target().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        target().write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        target().flush();
    }

    @Override
    public void close() throws IOException {
        try {
            target().close();
        } finally {
            BuildSecrets.forget(build);
        }
    }
}
