package io.jenkins.plugins.apikey.secret;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a secret file into the secret: strict UTF-8, because a replaced byte would
 * give a value that masks nothing, and one final line end dropped, because editors add one.
 */
public final class SecretText {

    private SecretText() {}

    /**
     * The secret in {@code bytes}.
     *
     * @throws CharacterCodingException if the bytes are not UTF-8
     */
    public static String fromFileBytes(byte[] bytes) throws CharacterCodingException {
        String text = decode(bytes);
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        if (text.endsWith("\n")) {
            return text.substring(0, text.length() - 1);
        }
        return text;
    }

    /**
     * {@code bytes} as strict UTF-8, nothing dropped.
     *
     * @throws CharacterCodingException if the bytes are not UTF-8
     */
    public static String decode(byte[] bytes) throws CharacterCodingException {
        if (isAscii(bytes)) {
            // the same string, without a decoder: the command line reads a thousand keys at start-up
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
