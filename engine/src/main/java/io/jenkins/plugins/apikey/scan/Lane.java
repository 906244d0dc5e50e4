package io.jenkins.plugins.apikey.scan;

import io.jenkins.plugins.apikey.ThreadFailure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs steps one after another, in the order given, on a thread of its own, so that they overlap
 * with the caller's work; the first failure comes back to the caller, and no step runs after it.
 * At most {@link #DEPTH} steps wait at a time.
 */
final class Lane implements AutoCloseable {

    /** One step of work. */
    interface Step {
        void run() throws IOException;
    }

    static final int DEPTH = 32;

    /** How long to wait at a time before looking whether the thread failed, in milliseconds. */
    private static final long WAIT = 10;

    private final BlockingQueue<Step> steps = new ArrayBlockingQueue<>(DEPTH);
    private final Thread thread;
    private volatile Throwable failure;

    Lane(String name) {
        thread = new Thread(this::work, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Adds a step, waiting while {@link #DEPTH} wait; throws what an earlier step threw. */
    void submit(Step step) throws IOException {
        try {
            while (!steps.offer(step, WAIT, TimeUnit.MILLISECONDS)) {
                ThreadFailure.rethrow(failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("The scan was interrupted.");
        }
        ThreadFailure.rethrow(failure);
    }

    /** Waits until every step submitted has run; throws what a step threw. */
    void await() throws IOException {
        CountDownLatch done = new CountDownLatch(1);
        submit(done::countDown);
        try {
            while (!done.await(WAIT, TimeUnit.MILLISECONDS)) {
                ThreadFailure.rethrow(failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("The scan was interrupted.");
        }
        ThreadFailure.rethrow(failure);
    }

    /** Stops the thread; steps still waiting do not run. */
    @Override
    public void close() {
        thread.interrupt();
    }

    private void work() {
        try {
            while (true) {
                steps.take().run();
            }
        } catch (InterruptedException e) {
            // closed
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        }
    }
}
