package io.jenkins.plugins.apikey.exchange;

/** Writes and reads single JSON string values, all the token exchange needs of JSON. */
public final class JsonStrings {

    private JsonStrings() {}

    /** {@code value} as a quoted JSON string. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * The value of a document that is one JSON string (whitespace around it allowed).
     *
     * @throws IllegalArgumentException if it is anything else
     */
    public static String unquote(String document) {
        String text = document.strip();
        if (text.length() < 2 || text.charAt(0) != '"' || text.charAt(text.length() - 1) != '"') {
            throw new IllegalArgumentException("not a JSON string");
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c == '"' || c < 0x20) {
                throw new IllegalArgumentException("not a JSON string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= text.length() - 1) {
                throw new IllegalArgumentException("not a JSON string");
            }
            char escaped = text.charAt(i);
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    String hex = i + 4 < text.length() - 1 ? text.substring(i + 1, i + 5) : "";
                    if (hex.length() != 4 || !hex.chars().allMatch(h -> Character.digit(h, 16) >= 0 && h < 0x80)) {
                        throw new IllegalArgumentException("not a JSON string");
                    }
                    out.append((char) Integer.parseInt(hex, 16));
                    i += 4;
                }
                default -> throw new IllegalArgumentException("not a JSON string");
            }
        }
        return out.toString();
    }
}
