package io.jenkins.plugins.apikey.scan;

import io.jenkins.plugins.apikey.preset.KeyShape;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import io.jenkins.plugins.apikey.secret.SecretText;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds a key as the password of HTTP Basic credentials with an empty user: {@code Basic }, then
 * Base64 that decodes to {@code :} and the key.
 */
record BasicPasswordRule(ServicePreset preset, KeyShape.BasicPassword shape) implements ShapeRule {

    private static final String ANCHOR = "basic ";

    @Override
    public List<String> anchors() {
        return List.of(ANCHOR);
    }

    @Override
    public void line(Line line, int[] hits, int count, Consumer<Candidate> found) {
        byte[] b = line.bytes;
        for (int k = 0; k < count; k += 2) {
            int at = hits[k];
            if (at > line.from && Ascii.isWord(b[at - 1])) {
                continue;
            }
            int start = Quotes.skipBlanks(b, at + ANCHOR.length(), line.to);
            int end = start;
            while (end < line.to && isBase64(b[end])) {
                end++;
            }
            while (end < line.to && b[end] == '=') {
                end++;
            }
            if (end - start >= 8 && (end == line.to || !Ascii.isWord(b[end]))) {
                String password = password(b, start, end);
                if (password != null && shape.key().matcher(password).matches()) {
                    found.accept(line.candidate(start, end, this, "base64", password, null));
                }
            }
        }
    }

    /** The password of {@code :password} in Base64 at {@code b[start, end)}, or null. */
    private static String password(byte[] b, int start, int end) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(Arrays.copyOfRange(b, start, end));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (decoded.length < 2 || decoded[0] != ':') {
            return null;
        }
        try {
            return SecretText.decode(Arrays.copyOfRange(decoded, 1, decoded.length));
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isBase64(byte c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    }
}
