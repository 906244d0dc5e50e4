package io.jenkins.plugins.apikey.mask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Base64 of the value at each of the three byte alignments it can have inside larger data, in the
 * standard and the URL-safe alphabet.
 *
 * <p>A Base64 character carries six bits, so where the value starts at byte offset {@code a}
 * (mod 3) of the encoded data, the characters that mix its bits with bits of the neighbouring
 * bytes are trimmed at both ends. What remains, the core, appears in the Base64 of <em>any</em>
 * data that contains the value at that alignment, such as an HTTP Basic header
 * {@code base64("user:" + key)}. When the value ends the data, the last character holds only its
 * bits and zero fill, so the core with that character is a form too; padding after it carries no
 * bits and stays.
 */
final class Base64Encoder implements FormEncoder {

    @Override
    public String name() {
        return "base64";
    }

    @Override
    public boolean fragments() {
        return true;
    }

    @Override
    public List<byte[]> encode(byte[] value) {
        List<byte[]> forms = new ArrayList<>(12);
        for (int alignment = 0; alignment < 3; alignment++) {
            addAligned(value, alignment, Base64.getEncoder().withoutPadding(), true, forms);
        }
        int standard = forms.size();
        for (int i = 0; i < standard; i++) {
            byte[] urlSafe = toUrlSafe(forms.get(i));
            if (urlSafe != null) {
                forms.add(urlSafe);
            }
        }
        return forms;
    }

    /** {@code form} in the URL-safe alphabet, or null when it reads the same in both. */
    private static byte[] toUrlSafe(byte[] form) {
        byte[] urlSafe = null;
        for (int i = 0; i < form.length; i++) {
            if (form[i] == '+' || form[i] == '/') {
                if (urlSafe == null) {
                    urlSafe = form.clone();
                }
                urlSafe[i] = (byte) (form[i] == '+' ? '-' : '_');
            }
        }
        return urlSafe;
    }

    /** Adds the core of {@code value} at {@code alignment} and, if asked and there is one, its ending. */
    static void addAligned(
            byte[] value, int alignment, Base64.Encoder encoder, boolean withEnding, List<byte[]> forms) {
        byte[] data = new byte[alignment + value.length];
        System.arraycopy(value, 0, data, alignment, value.length);
        int firstChar = (8 * alignment + 5) / 6;
        int endChar = 8 * data.length / 6;
        if (endChar <= firstChar) {
            return;
        }
        byte[] encoded = encoder.encode(data);
        forms.add(Arrays.copyOfRange(encoded, firstChar, endChar));
        if (withEnding && encoded.length > endChar) {
            forms.add(Arrays.copyOfRange(encoded, firstChar, encoded.length));
        }
    }
}
