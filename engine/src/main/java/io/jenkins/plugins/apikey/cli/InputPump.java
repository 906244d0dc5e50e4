package io.jenkins.plugins.apikey.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Passes our standard input on to the command, closing its input at our end of input. */
final class InputPump extends Thread {

    private final InputStream from;
    private final OutputStream to;

    InputPump(InputStream from, OutputStream to) {
        super("run stdin");
        setDaemon(true);
        this.from = from;
        this.to = to;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8 * 1024];
        try (to) {
            int read;
            while ((read = from.read(buffer)) >= 0) {
                to.write(buffer, 0, read);
                to.flush();
            }
        } catch (IOException e) {
            // the command stopped reading
        }
    }
}
