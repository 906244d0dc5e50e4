package io.jenkins.plugins.apikey.scan;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;

/** Opens a file for scanning: its content, decompressed when it is gzip (by its first bytes, not its name). */
final class FileInput {

    private static final int BUFFER = 64 * 1024;

    private FileInput() {}

    /** Whether {@code file} starts as gzip data does. */
    static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /**
     * The content of {@code file}, decompressed when {@code gzip}; {@code read} learns how many
     * bytes of the file itself have been read so far.
     */
    static InputStream open(Path file, boolean gzip, LongConsumer read) throws IOException {
        InputStream raw = new Counting(Files.newInputStream(file), read);
        if (!gzip) {
            return raw;
        }
        try {
            return new GZIPInputStream(new BufferedInputStream(raw, BUFFER), BUFFER);
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    /** Counts the bytes read from the file, for progress. */
    private static final class Counting extends FilterInputStream {
        private final LongConsumer read;
        private long count;

        Counting(InputStream in, LongConsumer read) {
            super(in);
            this.read = read;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                read.accept(++count);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                read.accept(count);
            }
            return n;
        }
    }
}
