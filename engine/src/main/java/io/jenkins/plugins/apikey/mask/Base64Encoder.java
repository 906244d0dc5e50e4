package io.jenkins.plugins.apikey.mask;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Base64 of the secret's UTF-8 bytes at each of the three byte alignments it can have inside
 * larger data, in the standard and the URL-safe alphabet.
 *
 * <p>A Base64 character carries six bits, so where the secret starts at byte offset {@code a}
 * (mod 3) of the encoded data, the characters that mix secret bits with bits of the neighbouring
 * bytes are trimmed at both ends. What remains appears in the Base64 of <em>any</em> data that
 * contains the secret at that alignment, such as an HTTP Basic header {@code base64(":" + key)}.
 */
final class Base64Encoder implements FormEncoder {

    @Override
    public String name() {
        return "base64";
    }

    @Override
    public List<String> encode(String value) {
        byte[] secret = value.getBytes(StandardCharsets.UTF_8);
        List<String> forms = new ArrayList<>(6);
        for (int alignment = 0; alignment < 3; alignment++) {
            byte[] data = new byte[alignment + secret.length];
            System.arraycopy(secret, 0, data, alignment, secret.length);
            int firstChar = (8 * alignment + 5) / 6;
            int endChar = 8 * (alignment + secret.length) / 6;
            if (endChar <= firstChar) {
                continue;
            }
            forms.add(Base64.getEncoder().encodeToString(data).substring(firstChar, endChar));
            forms.add(Base64.getUrlEncoder().encodeToString(data).substring(firstChar, endChar));
        }
        return forms;
    }
}
