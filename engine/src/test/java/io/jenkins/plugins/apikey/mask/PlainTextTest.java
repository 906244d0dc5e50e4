package io.jenkins.plugins.apikey.mask;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.apikey.testing.Gen;
import io.jenkins.plugins.apikey.testing.PropertyCheck;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** {@link PlainText} never calls plain what the lexer would find an invisible segment in. */
class PlainTextTest {

    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_";

    /** Lines of the kinds that decide the test: wrapped Base64 and its near misses, log text, colour. */
    private static final Gen<String> LINE = random -> {
        int kind = random.nextInt(6);
        String end = random.nextInt(4) == 0 ? "\r\n" : random.nextInt(8) == 0 ? "\r" : "\n";
        String indent = random.nextBoolean() ? "" : " ".repeat(random.nextInt(40)) + (random.nextBoolean() ? "\t" : "");
        return switch (kind) {
            case 0 -> indent + run(random, new int[] {60, 64, 76}[random.nextInt(3)]) + end;
            case 1 -> indent + run(random, 50 + random.nextInt(40)) + (random.nextBoolean() ? end : "");
            case 2 -> "[INFO] Downloading https://repo.example.org/" + run(random, random.nextInt(70)) + ".jar" + end;
            case 3 -> run(random, random.nextInt(40)) + "\u001B[" + random.nextInt(40) + "m" + run(random, 30) + end;
            case 4 ->
                run(random, random.nextInt(50))
                        + (random.nextBoolean() ? "." : ":")
                        + run(random, random.nextInt(50))
                        + end;
            default ->
                "12:00:0" + random.nextInt(10) + " INFO  c.k.katalon.core - START Test Cases/" + run(random, 8) + end;
        };
    };

    private static String run(java.util.Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(BASE64.charAt(random.nextInt(BASE64.length())));
        }
        return out.toString();
    }

    /** What the lexer makes of {@code bytes} from the start of a line: text, or text and segments. */
    private static byte[] textOf(byte[] bytes) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        boolean[] invisible = {false};
        TextLexer.Sink sink = new TextLexer.Sink() {
            @Override
            public void text(byte[] b, int off, int len) {
                text.write(b, off, len);
            }

            @Override
            public void invisible(byte[] b, int off, int len) {
                invisible[0] = true;
            }
        };
        TextLexer lexer = new TextLexer(null);
        // byte by byte: lengths below the plain test's minimum, so the lexer's own loop decides
        for (int i = 0; i < bytes.length; i++) {
            lexer.feed(bytes, i, 1, sink);
        }
        lexer.finish(sink);
        return invisible[0] ? null : text.toByteArray();
    }

    @Test
    void plainRangesHoldNoInvisibleSegment() {
        PropertyCheck.forAll(3000, LINE.joined(1, 12).map(s -> s.getBytes(StandardCharsets.UTF_8)), bytes -> {
            if (PlainText.isPlain(bytes, 0, bytes.length)) {
                assertThat(textOf(bytes)).as("the lexer's text").isEqualTo(bytes);
            }
        });
    }

    @Test
    void largeWritesMaskAsSingleBytesDo() {
        Gen<String> secrets = random -> run(random, 20 + random.nextInt(20));
        PropertyCheck.forAll(300, secrets, secret -> {
            java.util.Random random = new java.util.Random(secret.hashCode());
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                text.append(random.nextInt(5) == 0 ? wrapped(random, secret) : LINE.next(random));
            }
            byte[] bytes = utf8(text.toString());
            SecretMatcher matcher = SecretMatcher.compile(java.util.List.of(secret));
            for (boolean notes : new boolean[] {false, true}) {
                ByteArrayOutputStream single = new ByteArrayOutputStream();
                try (MaskingOutputStream out = matcher.newStream(single, notes)) {
                    for (byte b : bytes) {
                        out.write(b);
                    }
                }
                byte[] chunked = Chunking.upTo(5000).next(random).write(matcher, bytes, notes);
                assertThat(new String(chunked, StandardCharsets.UTF_8))
                        .isEqualTo(new String(single.toByteArray(), StandardCharsets.UTF_8));
            }
        });
    }

    /** {@code secret} somewhere in a block of Base64 wrapped as MIME or PEM wrap it. */
    private static String wrapped(java.util.Random random, String secret) {
        String data = run(random, random.nextInt(100)) + secret + run(random, random.nextInt(100));
        int width = new int[] {60, 64, 76}[random.nextInt(3)];
        String end = random.nextBoolean() ? "\r\n" : "\n";
        StringBuilder out = new StringBuilder();
        for (int at = 0; at < data.length(); at += width) {
            out.append(data, at, Math.min(data.length(), at + width)).append(end);
        }
        return out.toString();
    }

    @Test
    void wrappedBase64AndColourAreNotPlain() {
        byte[] data = new byte[300];
        new java.util.Random(1).nextBytes(data);
        String mime = Base64.getMimeEncoder().encodeToString(data);
        assertThat(PlainText.isPlain(utf8(mime), 0, mime.length())).isFalse();
        String log = "[INFO] Building api-keys 0.1.0\n".repeat(4);
        assertThat(PlainText.isPlain(utf8(log), 0, log.length())).isTrue();
        String coloured = log + "\u001B[31mERROR\u001B[0m" + log;
        assertThat(PlainText.isPlain(utf8(coloured), 0, coloured.length())).isFalse();
        String escAtEnd = log + "\u001B";
        assertThat(PlainText.isPlain(utf8(escAtEnd), 0, escAtEnd.length())).isFalse();
    }

    @Test
    void lineFeedsAreFoundFromEitherEnd() {
        byte[] text = utf8("ab\ncd\nef");
        assertThat(PlainText.firstLineFeed(text, 0, text.length)).isEqualTo(2);
        assertThat(PlainText.lastLineFeed(text, 0, text.length)).isEqualTo(5);
        assertThat(PlainText.firstLineFeed(text, 6, text.length)).isEqualTo(text.length);
        assertThat(PlainText.lastLineFeed(text, 6, text.length)).isEqualTo(5);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
