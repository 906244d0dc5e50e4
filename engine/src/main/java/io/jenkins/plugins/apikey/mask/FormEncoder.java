package io.jenkins.plugins.apikey.mask;

import java.util.List;

/**
 * One way a program may print a secret: turns the bytes of a value into the bytes that would
 * appear in a log.
 */
public interface FormEncoder {

    /** A short name for reports and tests, such as {@code base64}. */
    String name();

    /**
     * The encodings of {@code value} this form produces; may contain {@code value} itself or be
     * empty. Callers remove duplicates.
     */
    List<byte[]> encode(byte[] value);

    /**
     * Whether the forms are pieces of a longer encoding made of ordinary characters (Base64,
     * hexadecimal), which ordinary text holds by chance when the value is short; such forms are
     * made only of values of at least {@link SecretForms#FRAGMENT_MIN_VALUE} bytes.
     */
    default boolean fragments() {
        return false;
    }
}
