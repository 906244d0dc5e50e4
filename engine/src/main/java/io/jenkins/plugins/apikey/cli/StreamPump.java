package io.jenkins.plugins.apikey.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

/**
 * Copies a stream to another as bytes arrive, flushing after each read so nothing waits for a
 * line end, and closes the target at the end of input: the command's output to a masking stream,
 * or input to the command. When the target fails (whoever read it went away), it closes its
 * source, as a shell pipeline would, and reports it; {@link #abandon} ends it when a process
 * outside the command's group keeps the source open.
 */
final class StreamPump extends Thread {

    private final InputStream from;
    private final OutputStream to;
    private final Runnable targetFailed;
    private boolean finished;

    /**
     * @param targetFailed called once if writing to {@code to} fails
     */
    StreamPump(String name, InputStream from, OutputStream to, Runnable targetFailed) {
        super(name);
        setDaemon(true);
        this.from = from;
        this.to = to;
        this.targetFailed = targetFailed;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[16 * 1024];
        while (true) {
            int read;
            try {
                read = from.read(buffer);
            } catch (IOException e) {
                read = -1;
            }
            if (read < 0 || !write(buffer, read)) {
                break;
            }
        }
        finish();
    }

    /** Writes and flushes; false when the pump is done, because it was abandoned or the target failed. */
    private synchronized boolean write(byte[] buffer, int length) {
        if (finished) {
            return false;
        }
        try {
            to.write(buffer, 0, length);
            to.flush();
            return true;
        } catch (IOException e) {
            finished = true;
            closeQuietly(from);
            targetFailed.run();
            return false;
        }
    }

    /** Ends the copy now, passing on what the target still holds; the source is left to the JVM's exit. */
    synchronized void abandon() {
        finish();
    }

    private synchronized void finish() {
        if (finished) {
            return;
        }
        finished = true;
        closeQuietly(to);
    }

    /** Whether the copy ended by {@code deadline} ({@link System#nanoTime()}). */
    boolean awaitEnd(long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left > 0) {
            join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        return !isAlive();
    }

    private static void closeQuietly(AutoCloseable stream) {
        try {
            stream.close();
        } catch (Exception e) {
            // the other side is gone; nothing more to pass on
        }
    }
}
