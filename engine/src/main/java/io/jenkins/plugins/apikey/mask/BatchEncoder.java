package io.jenkins.plugins.apikey.mask;

import java.util.List;

/** Windows batch escaping: {@code ^} before {@code ^ & < > | ( )}, and {@code %} doubled. */
final class BatchEncoder implements FormEncoder {

    private static final String CARET_ESCAPED = "^&<>|()";

    @Override
    public String name() {
        return "batch";
    }

    @Override
    public List<String> encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (CARET_ESCAPED.indexOf(c) >= 0) {
                out.append('^').append(c);
            } else if (c == '%') {
                out.append("%%");
            } else {
                out.append(c);
            }
        }
        return List.of(out.toString());
    }
}
