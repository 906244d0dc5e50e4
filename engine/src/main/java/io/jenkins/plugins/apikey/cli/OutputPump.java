package io.jenkins.plugins.apikey.cli;

import io.jenkins.plugins.apikey.mask.MaskingOutputStream;
import io.jenkins.plugins.apikey.mask.SecretMatcher;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies one of the command's output streams to ours through a masking stream, passing on what
 * arrives at once instead of waiting for line ends.
 */
final class OutputPump extends Thread {

    private final InputStream from;
    private final MaskingOutputStream to;

    OutputPump(String name, InputStream from, OutputStream to, SecretMatcher matcher) {
        super(name);
        setDaemon(true);
        this.from = from;
        this.to = matcher.newStream(new FilterOutputStream(to) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        });
    }

    @Override
    public void run() {
        byte[] buffer = new byte[16 * 1024];
        try (to) {
            int read;
            while ((read = from.read(buffer)) >= 0) {
                to.write(buffer, 0, read);
                to.flush();
            }
        } catch (IOException e) {
            // the command closed its end, or ours is gone; nothing more to copy
        }
    }
}
