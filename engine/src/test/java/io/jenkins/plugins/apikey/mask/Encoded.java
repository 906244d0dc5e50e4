package io.jenkins.plugins.apikey.mask;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Encoder output as strings, for assertions that read like the text in a log. */
final class Encoded {

    private Encoded() {}

    /** The forms of {@code value}'s UTF-8 bytes, each read back as UTF-8. */
    static List<String> of(FormEncoder encoder, String value) {
        List<String> forms = new ArrayList<>();
        for (byte[] form : encoder.encode(value.getBytes(StandardCharsets.UTF_8))) {
            forms.add(new String(form, StandardCharsets.UTF_8));
        }
        return forms;
    }
}
