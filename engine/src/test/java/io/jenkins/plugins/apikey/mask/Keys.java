package io.jenkins.plugins.apikey.mask;

import io.jenkins.plugins.apikey.testing.Gen;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Generators of keys of the shapes the product binds, and of ordinary log text around them. */
final class Keys {

    static final String HEX = "0123456789abcdef";
    static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final String PRINTABLE = ALNUM + "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ ";

    private Keys() {}

    /** UUIDs, 32 and 64 hex digits, {@code kat_live_} keys, passwords with symbols, Unicode. */
    static Gen<byte[]> any() {
        return random -> switch (random.nextInt(6)) {
            case 0 -> ascii(uuid(random));
            case 1 -> ascii(pick(random, HEX, 32));
            case 2 -> ascii(pick(random, HEX, 64));
            case 3 -> ascii("kat_live_" + pick(random, ALNUM, 12) + "." + pick(random, ALNUM, 32));
            case 4 -> password().next(random);
            default -> unicode(random);
        };
    }

    /** Passwords of 8 to 30 printable ASCII characters with letters of both cases and a digit. */
    static Gen<byte[]> password() {
        return random -> ascii("Pw" + random.nextInt(10) + pick(random, PRINTABLE, 5 + random.nextInt(23)));
    }

    static String uuid(Random random) {
        return pick(random, HEX, 8) + "-" + pick(random, HEX, 4) + "-4" + pick(random, HEX, 3) + "-a"
                + pick(random, HEX, 3) + "-" + pick(random, HEX, 12);
    }

    private static byte[] unicode(Random random) {
        String text;
        do {
            text = "K" + Gen.unicode(6, 16).next(random).replace('\n', 'n').replace('\r', 'r');
        } while (text.chars().anyMatch(c -> c < 0x20 || c == 0x7F));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Log text: words, numbers, punctuation, line ends, no control bytes but line ends. */
    static Gen<String> filler(int maxPieces) {
        return Gen.oneOf(
                        "[INFO] ",
                        "Downloading ",
                        "build ",
                        "42",
                        " ",
                        " ",
                        "\n",
                        "= ",
                        "ok",
                        ", ",
                        "/",
                        "e",
                        "Z",
                        "%",
                        "'",
                        "\"",
                        "\\",
                        "é",
                        "#")
                .joined(0, maxPieces);
    }

    static String pick(Random random, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
