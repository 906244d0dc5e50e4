package io.jenkins.plugins.apikey.mask;

import io.jenkins.plugins.apikey.ThreadFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Copies an input stream to an output stream masked, on two threads: the calling thread reads and
 * lexes, a second thread searches, masks and writes. What it writes is byte for byte what a {@link
 * MaskingOutputStream} writes for the same input, flushed at the same places; lexing and searching
 * each take about half of a masking stream's time, so on two free cores this runs up to twice as
 * fast. For a process that masks one stream, such as {@code api-keys mask}; a build log, which
 * shares the machine with the build, keeps to {@link SecretMatcher#newStream} on the writer's thread.
 *
 * <p>Memory is bounded: {@value #IN_FLIGHT} reads of {@value #CHUNK} bytes in flight, besides the
 * masking stream's own bounds.
 */
public final class MaskingPipeline {

    static final int CHUNK = 1024 * 1024;
    static final int IN_FLIGHT = 4;

    private final SecretMatcher matcher;
    private final boolean keepNotes;

    /**
     * @param keepNotes pass Jenkins console notes through unchanged, as {@link
     *     SecretMatcher#newStream(OutputStream, boolean)} does
     */
    public MaskingPipeline(SecretMatcher matcher, boolean keepNotes) {
        this.matcher = matcher;
        this.keepNotes = keepNotes;
    }

    /**
     * Copies {@code in} to {@code out} masked, up to the end of {@code in}, then closes {@code out}.
     * After a read that leaves nothing {@link InputStream#available() available}, what can be
     * decided is passed on and {@code out} flushed, so that a slow writer's lines are not held. A
     * failure to read or to write ends the copy with that exception, after what was read has been
     * passed on as far as the output allows.
     *
     * @return how many ranges were masked
     */
    public long copy(InputStream in, OutputStream out) throws IOException {
        MaskingOutputStream masking = matcher.newStream(out, keepNotes);
        if (matcher.index() == null) {
            copyPlain(in, masking);
            return 0;
        }
        Masker masker = new Masker(masking);
        Throwable failure = null;
        try {
            read(in, masker, new TextLexer(keepNotes ? masking.noteCheck() : null));
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        }
        Throwable masked = masker.awaitEnd();
        if (failure != null && masked != null) {
            failure.addSuppressed(masked);
        }
        ThreadFailure.rethrow(failure != null ? failure : masked);
        return masking.maskedCount();
    }

    /** With no forms to find there is nothing to lex or search: the copy stays on this thread. */
    private static void copyPlain(InputStream in, OutputStream masking) throws IOException {
        try (masking) {
            byte[] buffer = new byte[CHUNK];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                masking.write(buffer, 0, read);
                if (in.available() == 0) {
                    masking.flush();
                }
            }
        }
    }

    /**
     * Reads, lexes and passes chunks until the end of {@code in}, a read fails or the masking
     * thread has failed; in every case the masking thread is told that the input ended, after the
     * lexer's held bytes (as a masking stream's {@code close} passes them on).
     */
    private static void read(InputStream in, Masker masker, TextLexer lexer) throws IOException {
        try {
            for (LexedChunk chunk = masker.emptyChunk(); chunk != null; chunk = masker.emptyChunk()) {
                try {
                    if (chunk.readFrom(in) < 0) {
                        finish(lexer, chunk, masker);
                        return;
                    }
                    chunk.lex(lexer);
                    if (in.available() == 0) {
                        chunk.flushAfter();
                    }
                } catch (IOException | RuntimeException e) {
                    // what this chunk holds is still masked, then what the lexer held
                    finish(lexer, chunk, masker);
                    throw e;
                }
                masker.start();
                masker.pass(chunk);
            }
        } finally {
            masker.endOfInput();
        }
    }

    private static void finish(TextLexer lexer, LexedChunk chunk, Masker masker) throws IOException {
        lexer.finish(chunk);
        masker.pass(chunk);
    }

    /**
     * The second thread: masks the chunks in the order they were read and hands them back empty.
     * After a failure it only hands them back, so that the reading thread never waits for it, and
     * closes the masking stream at the end of the input, as a failed copy into a masking stream
     * in a try-with-resources block does. It starts with the first chunk of input, and its chunks
     * are made as they are first needed: empty input costs neither a thread nor the buffers.
     */
    private static final class Masker implements Runnable {

        private static final LexedChunk END = new LexedChunk(0);

        private final MaskingOutputStream masking;
        private final BlockingQueue<LexedChunk> empty = new ArrayBlockingQueue<>(IN_FLIGHT);
        private final BlockingQueue<LexedChunk> full = new ArrayBlockingQueue<>(IN_FLIGHT + 1);
        private volatile Throwable failure;
        private Thread thread;
        private int made;

        Masker(MaskingOutputStream masking) {
            this.masking = masking;
        }

        /** Starts the masking thread, unless it runs. */
        void start() {
            if (thread == null) {
                thread = new Thread(this, "api-keys masking");
                thread.setDaemon(true);
                thread.start();
            }
        }

        /** The next chunk to read into, or null once masking has failed. */
        LexedChunk emptyChunk() throws InterruptedIOException {
            if (failure != null) {
                return null;
            }
            LexedChunk chunk = empty.poll();
            if (chunk == null) {
                if (made < IN_FLIGHT) {
                    made++;
                    return new LexedChunk(CHUNK);
                }
                try {
                    chunk = empty.take();
                } catch (InterruptedException e) {
                    throw interrupted();
                }
            }
            chunk.clear();
            return chunk;
        }

        void pass(LexedChunk chunk) throws InterruptedIOException {
            try {
                full.put(chunk);
            } catch (InterruptedException e) {
                throw interrupted();
            }
        }

        /** Tells the masking thread that no more chunks come; there is always room for that. */
        void endOfInput() {
            full.add(END);
        }

        /**
         * Waits for the masking thread to finish and returns its failure, if any; without a thread
         * (the input ended at once), masks what there is on this one.
         */
        Throwable awaitEnd() throws InterruptedIOException {
            if (thread == null) {
                run();
                return failure;
            }
            try {
                thread.join();
            } catch (InterruptedException e) {
                throw interrupted();
            }
            return failure;
        }

        @Override
        public void run() {
            try {
                for (LexedChunk chunk = full.take(); chunk != END; chunk = full.take()) {
                    if (failure == null) {
                        mask(chunk);
                    }
                    empty.add(chunk);
                }
            } catch (InterruptedException e) {
                fail(interrupted());
            }
            try {
                masking.close();
            } catch (IOException | RuntimeException | Error e) {
                fail(e);
            }
        }

        private void mask(LexedChunk chunk) {
            try {
                masking.writeLexed(chunk);
                if (chunk.flushes()) {
                    masking.flush();
                }
            } catch (IOException | RuntimeException | Error e) {
                fail(e);
            }
        }

        private void fail(Throwable e) {
            if (failure == null) {
                failure = e;
            } else if (failure != e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static InterruptedIOException interrupted() {
        Thread.currentThread().interrupt();
        return new InterruptedIOException("Masking was interrupted.");
    }
}
