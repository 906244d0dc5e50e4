package io.jenkins.plugins.apikey.mask;

import java.util.List;

/** Windows batch escaping: {@code ^} before {@code ^ & < > | ( )}, and {@code %} doubled. */
final class BatchEncoder implements FormEncoder {

    private static final String CARET_ESCAPED = "^&<>|()";
    private static final boolean[] SPECIAL = ByteBuilder.setOf(CARET_ESCAPED + "%");

    @Override
    public String name() {
        return "batch";
    }

    @Override
    public List<byte[]> encode(byte[] value) {
        if (!ByteBuilder.containsAny(value, SPECIAL, false, false)) {
            return List.of(value);
        }
        ByteBuilder out = new ByteBuilder(value.length + 8);
        for (byte b : value) {
            if (b >= 0 && CARET_ESCAPED.indexOf(b) >= 0) {
                out.append('^').append(b);
            } else if (b == '%') {
                out.append('%').append('%');
            } else {
                out.append(b);
            }
        }
        return List.of(out.toByteArray());
    }
}
