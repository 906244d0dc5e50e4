package io.jenkins.plugins.apikey.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies a stream to another as bytes arrive, flushing after each read so nothing waits for a
 * line end, and closes the target at the end of input: our input to the command, or the command's
 * output to a masking stream.
 */
final class StreamPump extends Thread {

    private final InputStream from;
    private final OutputStream to;

    StreamPump(String name, InputStream from, OutputStream to) {
        super(name);
        setDaemon(true);
        this.from = from;
        this.to = to;
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
            // the other side closed its end; nothing more to copy
        }
    }
}
