package io.jenkins.plugins.apikey.mask;

import static io.jenkins.plugins.apikey.testing.PropertyCheck.forAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.jenkins.plugins.apikey.testing.Gen;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The two-thread copy writes what a masking stream on one thread writes for the same reads, byte
 * for byte and flush for flush, and ends with the failure of either side without hanging.
 */
class MaskingPipelineTest {

    /** One generated case; its text holds keys, so only its sizes are shown. */
    record Case(List<byte[]> keys, byte[] text, List<Integer> reads, List<Boolean> idle, boolean notes) {
        @Override
        public String toString() {
            return "case with " + keys.size() + " keys in " + text.length + " bytes, notes " + notes;
        }
    }

    @Test
    void writesWhatOneThreadWritesFlushForFlush() {
        forAll(
                300,
                random -> {
                    List<byte[]> keys = Keys.any().list(1, 3).next(random);
                    boolean large = random.nextInt(30) == 0;
                    byte[] text = text(random, keys, large ? MaskingPipeline.CHUNK + MaskingPipeline.CHUNK / 2 : 4000);
                    List<Integer> reads = Gen.ints(1, large ? 2 * MaskingPipeline.CHUNK : 700)
                            .list(1, 6)
                            .next(random);
                    return new Case(keys, text, reads, Gen.booleans().list(1, 5).next(random), random.nextBoolean());
                },
                c -> {
                    SecretMatcher matcher = SecretMatcher.compileBytes(c.keys());
                    FlushLog expected = new FlushLog();
                    long expectedCount = oneThread(matcher, c, expected);
                    FlushLog actual = new FlushLog();
                    long count = new MaskingPipeline(matcher, c.notes()).copy(new Reads(c), actual);
                    assertThat(Arrays.equals(actual.toByteArray(), expected.toByteArray()))
                            .as("the same bytes as one thread")
                            .isTrue();
                    assertThat(actual.flushedAt)
                            .as("flushed at the same places")
                            .isEqualTo(expected.flushedAt);
                    assertThat(actual.closed).as("output closed").isTrue();
                    assertThat(count).as("masked count").isEqualTo(expectedCount);
                    assertThat(Arrays.equals(
                                    actual.toByteArray(),
                                    new NaiveMasker(c.keys(), SecretMatcher.DEFAULT_MIN_LENGTH, c.notes())
                                            .mask(c.text())))
                            .as("masked like the oracle")
                            .isTrue();
                });
    }

    @Test
    void aFailingOutputEndsTheCopyWithItsFailure() {
        IOException broken = new IOException("broken pipe");
        SecretMatcher matcher = SecretMatcher.compile(List.of("0123456789abcdef0123456789abcdef"));
        OutputStream out = new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > 100_000) {
                    throw broken;
                }
            }
        };
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) 'x');
                return len;
            }
        };
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(
                        () -> new MaskingPipeline(matcher, false).copy(endless, out))
                .isSameAs(broken));
    }

    @Test
    void aFailingInputEndsTheCopyAfterPassingOnWhatWasRead() throws IOException {
        String key = "0123456789abcdef0123456789abcdef";
        SecretMatcher matcher = SecretMatcher.compile(List.of(key));
        byte[] read =
                ("start " + key + " middle \u001B[31m " + key.substring(0, 20)).getBytes(StandardCharsets.US_ASCII);
        IOException lost = new IOException("input lost");
        InputStream failing = new FailsAfter(read, lost);
        assertCopyFails(matcher, failing, lost, "start **** middle \u001B[31m " + key.substring(0, 20));
    }

    /** When asking what is available fails, what was read is still masked and written. */
    @Test
    void aFailingAvailableStillPassesOnWhatWasRead() {
        String key = "0123456789abcdef0123456789abcdef";
        SecretMatcher matcher = SecretMatcher.compile(List.of(key));
        IOException gone = new IOException("input gone");
        InputStream failing = new InputStream() {
            private final ByteArrayInputStream text =
                    new ByteArrayInputStream(("a " + key + " b").getBytes(StandardCharsets.US_ASCII));

            @Override
            public int read() {
                return text.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return text.read(b, off, len);
            }

            @Override
            public int available() throws IOException {
                throw gone;
            }
        };
        assertCopyFails(matcher, failing, gone, "a **** b");
    }

    /** An unchecked failure of the input ends the copy too, after the output has been closed. */
    @Test
    void anUncheckedFailureOfTheInputWaitsForTheOutput() {
        SecretMatcher matcher = SecretMatcher.compile(List.of("0123456789abcdef0123456789abcdef"));
        IllegalStateException broken = new IllegalStateException("input broken");
        InputStream failing = new FailsAfter(new byte[] {'x'}, broken);
        assertCopyFails(matcher, failing, broken, "x");
    }

    /** Empty input and a first read that fails are handled on the calling thread, as any other input. */
    @Test
    void anInputThatEndsOrFailsAtOnceClosesTheOutput() throws IOException {
        SecretMatcher matcher = SecretMatcher.compile(List.of("0123456789abcdef0123456789abcdef"));
        FlushLog empty = new FlushLog();
        assertThat(new MaskingPipeline(matcher, true).copy(InputStream.nullInputStream(), empty))
                .isZero();
        assertThat(empty.size()).isZero();
        assertThat(empty.closed).isTrue();
        IOException lost = new IOException("input lost");
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw lost;
            }
        };
        assertCopyFails(matcher, failing, lost, "");
    }

    @Test
    void withNoFormsItCopiesAndFlushesWhenTheInputIsIdle() throws IOException {
        SecretMatcher matcher = SecretMatcher.compile(List.of());
        byte[] text = "line one\nline two\n".getBytes(StandardCharsets.US_ASCII);
        Case c = new Case(List.of(), text, List.of(9, 9), List.of(true), false);
        FlushLog out = new FlushLog();
        assertThat(new MaskingPipeline(matcher, false).copy(new Reads(c), out)).isZero();
        assertThat(out.toByteArray()).isEqualTo(text);
        assertThat(out.flushedAt).containsExactly(9, 18, 18);
        assertThat(out.closed).isTrue();
    }

    /** The copy ends with {@code failure} itself, having written {@code written} and closed the output. */
    private static void assertCopyFails(SecretMatcher matcher, InputStream in, Throwable failure, String written) {
        FlushLog out = new FlushLog();
        assertThatThrownBy(() -> new MaskingPipeline(matcher, false).copy(in, out))
                .isSameAs(failure);
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo(written);
        assertThat(out.closed).isTrue();
    }

    /** The single-thread reference: the same reads written to a masking stream, flushed when idle. */
    private static long oneThread(SecretMatcher matcher, Case c, OutputStream out) throws IOException {
        Reads reads = new Reads(c);
        byte[] buffer = new byte[2 * MaskingPipeline.CHUNK];
        MaskingOutputStream masking = matcher.newStream(out, c.notes());
        try (masking) {
            int read;
            while ((read = reads.read(buffer, 0, MaskingPipeline.CHUNK)) >= 0) {
                masking.write(buffer, 0, read);
                if (reads.available() == 0) {
                    masking.flush();
                }
            }
        }
        return masking.maskedCount();
    }

    /** Log text with the keys plain, split by colour sequences and console notes, and in wrapped Base64. */
    private static byte[] text(Random random, List<byte[]> keys, int size) {
        ByteArrayOutputStream text = new ByteArrayOutputStream(size + 1000);
        while (text.size() < size) {
            byte[] key = keys.get(random.nextInt(keys.size()));
            String printed = new String(key, StandardCharsets.ISO_8859_1);
            String piece =
                    switch (random.nextInt(7)) {
                        case 0 -> printed;
                        case 1 -> {
                            int cut = 1 + random.nextInt(printed.length() - 1);
                            yield printed.substring(0, cut) + "\u001B[1;3" + random.nextInt(8) + "m"
                                    + printed.substring(cut);
                        }
                        case 2 -> {
                            int cut = 1 + random.nextInt(printed.length() - 1);
                            yield printed.substring(0, cut)
                                    + ConsoleNotesPropertyTest.note(random)
                                    + printed.substring(cut);
                        }
                        case 3 ->
                            Base64.getMimeEncoder()
                                            .encodeToString(
                                                    (Keys.pick(random, Keys.ALNUM, 40 + random.nextInt(20)) + printed)
                                                            .getBytes(StandardCharsets.ISO_8859_1))
                                    + "\r\n";
                        case 4 -> "\u001B[8mha:QUJD";
                        case 5 -> printed.substring(0, 1 + random.nextInt(printed.length()));
                        default -> Keys.filler(30).next(random);
                    };
            text.writeBytes(piece.getBytes(StandardCharsets.ISO_8859_1));
        }
        return text.toByteArray();
    }

    /** The text in reads of the case's sizes, in turn; idle (nothing available) as the case says, in turn. */
    private static final class Reads extends InputStream {
        private final Case c;
        private int at;
        private int reads;

        Reads(Case c) {
            this.c = c;
        }

        @Override
        public int read() {
            return at < c.text().length ? c.text()[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at == c.text().length) {
                return -1;
            }
            int n = Math.min(Math.min(len, c.reads().get(reads++ % c.reads().size())), c.text().length - at);
            System.arraycopy(c.text(), at, b, off, n);
            at += n;
            return n;
        }

        @Override
        public int available() {
            boolean idle =
                    c.idle().isEmpty() || c.idle().get((reads - 1) % c.idle().size());
            return idle ? 0 : c.text().length - at;
        }
    }

    /** Gives its bytes in one read, then fails with its exception, checked or not. */
    private static final class FailsAfter extends InputStream {
        private final byte[] first;
        private final Exception failure;
        private boolean given;

        FailsAfter(byte[] first, Exception failure) {
            this.first = first;
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            throw failure();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (given) {
                throw failure();
            }
            given = true;
            System.arraycopy(first, 0, b, off, first.length);
            return first.length;
        }

        private IOException failure() {
            if (failure instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            return (IOException) failure;
        }
    }

    /** Keeps what is written, where each flush came and whether it was closed. */
    private static final class FlushLog extends ByteArrayOutputStream {
        private final List<Integer> flushedAt = new ArrayList<>();
        private boolean closed;

        @Override
        public void flush() {
            flushedAt.add(size());
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
