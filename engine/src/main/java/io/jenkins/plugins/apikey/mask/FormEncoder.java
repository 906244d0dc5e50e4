package io.jenkins.plugins.apikey.mask;

import java.util.List;

/** One way a program may print a secret: turns a value into the text that would appear in a log. */
public interface FormEncoder {

    /** A short name for reports and tests, such as {@code base64}. */
    String name();

    /**
     * The encodings of {@code value} this form produces; may contain {@code value} itself or be
     * empty. Callers remove duplicates.
     */
    List<String> encode(String value);
}
