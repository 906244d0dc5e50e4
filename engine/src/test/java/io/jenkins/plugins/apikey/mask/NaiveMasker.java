package io.jenkins.plugins.apikey.mask;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The masking rules written the slow, obvious way, as the oracle for property tests: find every
 * occurrence of every form by brute force, add the tail that starts a form, merge ranges that
 * overlap or touch, and replace each by the mask.
 */
final class NaiveMasker {

    private final List<byte[]> forms = new ArrayList<>();
    private final int minLength;

    NaiveMasker(Collection<String> secrets, int minLength) {
        this.minLength = minLength;
        for (String secret : secrets) {
            if (secret.isEmpty() || SecretForms.utf8Length(secret) < minLength) {
                continue;
            }
            for (String form : SecretForms.of(secret)) {
                byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
                if (bytes.length >= minLength) {
                    forms.add(bytes);
                }
            }
        }
    }

    List<byte[]> forms() {
        return forms;
    }

    byte[] mask(byte[] text) {
        boolean[] masked = new boolean[text.length];
        boolean[] startsRange = new boolean[text.length + 1];
        List<int[]> ranges = new ArrayList<>();
        for (int p = 0; p < text.length; p++) {
            for (byte[] form : forms) {
                if (p + form.length <= text.length && regionEquals(text, p, form, form.length)) {
                    ranges.add(new int[] {p, p + form.length});
                }
            }
        }
        int tail = firstTailPrefix(text);
        if (tail >= 0 && text.length - tail >= minLength) {
            ranges.add(new int[] {tail, text.length});
        }
        ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int emitted = 0;
        int i = 0;
        while (i < ranges.size()) {
            int start = ranges.get(i)[0];
            int end = ranges.get(i)[1];
            i++;
            while (i < ranges.size() && ranges.get(i)[0] <= end) {
                end = Math.max(end, ranges.get(i)[1]);
                i++;
            }
            out.write(text, emitted, start - emitted);
            out.writeBytes(MaskingOutputStream.MASK.getBytes(StandardCharsets.US_ASCII));
            emitted = end;
        }
        out.write(text, emitted, text.length - emitted);
        return out.toByteArray();
    }

    private int firstTailPrefix(byte[] text) {
        for (int p = 0; p < text.length; p++) {
            int rest = text.length - p;
            for (byte[] form : forms) {
                if (form.length > rest && regionEquals(text, p, form, rest)) {
                    return p;
                }
            }
        }
        return -1;
    }

    private static boolean regionEquals(byte[] text, int p, byte[] form, int length) {
        for (int k = 0; k < length; k++) {
            if (text[p + k] != form[k]) {
                return false;
            }
        }
        return true;
    }
}
