package io.jenkins.plugins.apikey.cli;

import io.jenkins.plugins.apikey.secret.SecretText;
import java.nio.charset.CharacterCodingException;

/**
 * The one place where the command line turns the bytes of a secret (from the environment, a file
 * or standard input) into text: strict UTF-8 whatever the locale says, because a replaced byte
 * would give a value that masks nothing. The masker takes the bytes themselves; this checks them.
 */
final class SecretBytes {

    private SecretBytes() {}

    /**
     * The secret in {@code bytes}, all of them.
     *
     * @param source what the bytes came from, such as "environment variable K", for the message
     * @throws UsageException if the bytes are not UTF-8; the message names the source only
     */
    static String decode(byte[] bytes, String source) throws UsageException {
        try {
            return SecretText.decode(bytes);
        } catch (CharacterCodingException e) {
            throw notUtf8(source);
        }
    }

    private static UsageException notUtf8(String source) {
        return new UsageException("The " + source + " is not UTF-8 text, so its bytes cannot be masked reliably."
                + " Store the secret as UTF-8 (for example with iconv).");
    }
}
