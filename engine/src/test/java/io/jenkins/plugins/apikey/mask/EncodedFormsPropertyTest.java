package io.jenkins.plugins.apikey.mask;

import static io.jenkins.plugins.apikey.mask.FormCheck.concat;
import static io.jenkins.plugins.apikey.mask.FormCheck.holds;
import static io.jenkins.plugins.apikey.testing.PropertyCheck.forAll;

import io.jenkins.plugins.apikey.testing.Gen;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Encodings of random keys as tools print them, generated here without the encoders: line-wrapped
 * Base64 with the key anywhere in the data, Base64 of Base64, percent-encoding variants,
 * hexadecimal, JSON with every character escaped, UUIDs in the other case or without dashes.
 */
class EncodedFormsPropertyTest {

    /** One generated case; its text holds a secret, so only its sizes are shown. */
    record Case(byte[] key, byte[] text, List<byte[]> printed, Chunking chunking, boolean notes) {
        @Override
        public String toString() {
            return "case with a " + key.length + "-byte key in " + text.length + " bytes";
        }
    }

    private static void check(Case c) throws Exception {
        holds(List.of(c.key()), SecretMatcher.DEFAULT_MIN_LENGTH, c.text(), c.printed(), c.chunking(), c.notes());
    }

    /** MIME (76 columns, CRLF), GNU base64 (76, LF) and PEM (64) wrapping, indented or not. */
    @Test
    void lineWrappedBase64IsMaskedWhereverTheKeyStarts() {
        forAll(
                400,
                random -> {
                    byte[] key = Keys.any().next(random);
                    byte[] id = Keys.ascii(Keys.pick(random, Keys.ALNUM, random.nextInt(20)) + ":");
                    byte[] data = concat(id, key, Gen.bytes(0, 60).next(random));
                    boolean urlSafe = random.nextInt(4) == 0;
                    String encoded = (urlSafe ? Base64.getUrlEncoder() : Base64.getEncoder()).encodeToString(data);
                    int width = random.nextBoolean() ? 64 : 76;
                    String lineEnd = random.nextBoolean() ? "\n" : "\r\n";
                    String indent = Gen.oneOf("", "  ", "\t").next(random);
                    StringBuilder wrapped = new StringBuilder();
                    for (int at = 0; at < encoded.length(); at += width) {
                        wrapped.append(indent)
                                .append(encoded, at, Math.min(encoded.length(), at + width))
                                .append(lineEnd);
                    }
                    String text = Keys.filler(6).next(random) + "\n" + wrapped
                            + Keys.filler(6).next(random);
                    byte[] core = core(encoded, id.length, key.length);
                    return new Case(
                            key, utf8(text), List.of(core), Chunking.upTo(90).next(random), random.nextBoolean());
                },
                EncodedFormsPropertyTest::check);
    }

    /** A {@code .dockerconfigjson} whose {@code auth} is Base64 of user:key, Base64-encoded in a Secret. */
    @Test
    void base64OfBase64IsMasked() {
        forAll(
                300,
                random -> {
                    byte[] key = Keys.any().next(random);
                    String user = Keys.pick(random, Keys.ALNUM, 1 + random.nextInt(12));
                    byte[] credentials = concat(Keys.ascii(user + ":"), key);
                    String auth = Base64.getEncoder().encodeToString(credentials);
                    String config = "{\"auths\":{\"registry.example.com\":{\"auth\":\"" + auth + "\"}}}";
                    String secret = Base64.getEncoder().encodeToString(utf8(config));
                    int authAt = config.indexOf(auth);
                    int first = (8 * (user.length() + 1) + 5) / 6;
                    int end = 8 * credentials.length / 6;
                    byte[] core = core(secret, authAt + first, end - first);
                    String text = "data:\n  .dockerconfigjson: " + secret + "\n"
                            + Keys.filler(5).next(random);
                    return new Case(
                            key, utf8(text), List.of(core), Chunking.upTo(60).next(random), false);
                },
                EncodedFormsPropertyTest::check);
    }

    /** What libraries leave of the reserved characters, both hex cases, space as + or %20. */
    @Test
    void percentEncodingVariantsAreMasked() {
        List<String> safeSets = List.of("", "/", "!'()*~", ":/?#@!$&'()*+,;=~", "*");
        forAll(
                500,
                random -> {
                    byte[] key = Keys.password().next(random);
                    String printed;
                    if (random.nextInt(5) == 0) {
                        printed = URLEncoder.encode(new String(key, StandardCharsets.US_ASCII), StandardCharsets.UTF_8);
                    } else {
                        printed = percent(
                                key, Gen.oneOf(safeSets).next(random), random.nextBoolean(), random.nextBoolean());
                    }
                    String text = Keys.filler(5).next(random) + "GET /api?key=" + printed + "&page=2 HTTP/1.1\n";
                    return new Case(
                            key,
                            utf8(text),
                            List.of(Keys.ascii(printed)),
                            Chunking.upTo(40).next(random),
                            false);
                },
                EncodedFormsPropertyTest::check);
    }

    /** {@code xxd -p} output (60 columns) in either case, JSON with every character escaped, a UUID re-cased. */
    @Test
    void hexJsonAndUuidDisplayFormsAreMasked() {
        forAll(
                400,
                random -> {
                    byte[] key = random.nextBoolean()
                            ? Keys.ascii(Keys.uuid(random))
                            : Keys.any().next(random);
                    byte[] before = Gen.bytes(0, 40).next(random);
                    String hex = hex(concat(before, key, Gen.bytes(0, 40).next(random)));
                    boolean upper = random.nextBoolean();
                    StringBuilder dump = new StringBuilder();
                    for (int at = 0; at < hex.length(); at += 60) {
                        dump.append(hex, at, Math.min(hex.length(), at + 60)).append('\n');
                    }
                    String keyHex = hex(key);
                    String text = dump.toString();
                    String json = escapeAll(new String(key, StandardCharsets.UTF_8), upper);
                    text = upper ? text.toUpperCase(Locale.ROOT) : text;
                    text += "{\"apiKey\":\"" + json + "\"}\n";
                    List<byte[]> printed =
                            List.of(Keys.ascii(upper ? keyHex.toUpperCase(Locale.ROOT) : keyHex), Keys.ascii(json));
                    String plain = new String(key, StandardCharsets.UTF_8);
                    if (plain.matches("[0-9a-f-]{36}")) {
                        String display = random.nextBoolean() ? plain.toUpperCase(Locale.ROOT) : plain.replace("-", "");
                        text += "X-Api-Key: " + display + "\n";
                        printed = List.of(printed.get(0), printed.get(1), Keys.ascii(display));
                    }
                    return new Case(key, utf8(text), printed, Chunking.upTo(70).next(random), random.nextBoolean());
                },
                EncodedFormsPropertyTest::check);
    }

    /** The characters of the Base64 of some data that only {@code length} bytes at {@code offset} decide. */
    private static byte[] core(String encoded, int offset, int length) {
        return Keys.ascii(encoded.substring((8 * offset + 5) / 6, 8 * (offset + length) / 6));
    }

    private static String percent(byte[] value, String safe, boolean upperHex, boolean spaceAsPlus) {
        StringBuilder out = new StringBuilder();
        for (byte b : value) {
            char c = (char) (b & 0xFF);
            if (Character.isLetterOrDigit(c) && c < 0x80 || "-._".indexOf(c) >= 0 || safe.indexOf(c) >= 0) {
                out.append(c);
            } else if (c == ' ' && spaceAsPlus) {
                out.append('+');
            } else {
                String hex = String.format("%%%02X", (int) c);
                out.append(upperHex ? hex : hex.toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    private static String escapeAll(String text, boolean upperHex) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(String.format(upperHex ? "\\u%04X" : "\\u%04x", (int) c));
        }
        return out.toString();
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02x", b & 0xFF));
        }
        return out.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
