package io.jenkins.plugins.apikey.wrapper;

import hudson.console.ConsoleLogFilter;
import hudson.model.AbstractBuild;
import hudson.model.Run;
import io.jenkins.plugins.apikey.log.MaskingLogFilter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Decorates a freestyle build's log before the wrapper has bound its keys, and starts masking
 * from the first write after they are bound. Nothing secret can be printed before that.
 */
final class LateMaskingLogFilter extends ConsoleLogFilter {

    @Override
    public OutputStream decorateLogger(Run build, OutputStream logger) {
        return new LateMaskingStream(build, logger);
    }

    @Override
    public OutputStream decorateLogger(AbstractBuild build, OutputStream logger) {
        return decorateLogger((Run) build, logger);
    }

    /** Writes through until the build's filter exists, then through that filter's stream. */
    private static final class LateMaskingStream extends FilterOutputStream {

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
}
