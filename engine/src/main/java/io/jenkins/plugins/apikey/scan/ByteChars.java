package io.jenkins.plugins.apikey.scan;

import java.nio.charset.StandardCharsets;

/**
 * Bytes seen as characters one for one (ISO 8859-1), so that patterns of ASCII match them where
 * they are, without decoding or copying. Used only to match: nothing shows its content.
 */
final class ByteChars implements CharSequence {

    private final byte[] bytes;
    private final int from;
    private final int to;

    ByteChars(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.from = from;
        this.to = to;
    }

    @Override
    public int length() {
        return to - from;
    }

    @Override
    public char charAt(int index) {
        return (char) (bytes[from + index] & 0xFF);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new ByteChars(bytes, from + start, from + end);
    }

    /** The characters, for the pattern matcher's own use. */
    @Override
    public String toString() {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
