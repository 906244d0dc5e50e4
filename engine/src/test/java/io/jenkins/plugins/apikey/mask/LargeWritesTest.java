package io.jenkins.plugins.apikey.mask;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.apikey.testing.Gen;
import io.jenkins.plugins.apikey.testing.PropertyCheck;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Writes of any size mask as single bytes do, over lines of the kinds that decide the lexer. */
class LargeWritesTest {

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

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
