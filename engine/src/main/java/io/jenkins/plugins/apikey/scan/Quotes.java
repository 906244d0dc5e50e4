package io.jenkins.plugins.apikey.scan;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The quotes that shells, JSON, Groovy and XML put around a value, as bytes. */
final class Quotes {

    private static final byte[][] QUOTES = {
        ascii("\\\""),
        ascii("\\'"),
        ascii("&quot;"),
        ascii("&#34;"),
        ascii("&apos;"),
        ascii("&#39;"),
        ascii("\""),
        ascii("'")
    };

    private Quotes() {}

    /** The position after a quote at {@code b[at]}, or {@code at} when there is none. */
    static int skip(byte[] b, int at, int end) {
        for (byte[] quote : QUOTES) {
            if (at + quote.length <= end && Arrays.equals(b, at, at + quote.length, quote, 0, quote.length)) {
                return at + quote.length;
            }
        }
        return at;
    }

    /** The position after spaces and tabs from {@code at}. */
    static int skipBlanks(byte[] b, int at, int end) {
        while (at < end && Ascii.isBlank(b[at])) {
            at++;
        }
        return at;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
