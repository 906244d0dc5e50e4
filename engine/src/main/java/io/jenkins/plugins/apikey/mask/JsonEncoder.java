package io.jenkins.plugins.apikey.mask;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON string escaping as common serializers print it: minimal escaping (Jackson, JavaScript),
 * ASCII-only output with {@code \\uXXXX} for everything else (Python's default), HTML-safe
 * escaping of {@code <>&='} (Gson's default), escaped slashes, and both hex cases.
 */
final class JsonEncoder implements FormEncoder {

    /** How a serializer escapes; every combination is a separate form. */
    private record Style(boolean asciiOnly, boolean htmlSafe, boolean escapeSlash, boolean upperHex) {}

    @Override
    public String name() {
        return "json";
    }

    @Override
    public List<String> encode(String value) {
        List<String> forms = new ArrayList<>();
        for (boolean asciiOnly : new boolean[] {false, true}) {
            for (boolean htmlSafe : new boolean[] {false, true}) {
                for (boolean escapeSlash : new boolean[] {false, true}) {
                    for (boolean upperHex : new boolean[] {false, true}) {
                        forms.add(escape(value, new Style(asciiOnly, htmlSafe, escapeSlash, upperHex)));
                    }
                }
            }
        }
        return forms;
    }

    private static String escape(String value, Style style) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '/' -> out.append(style.escapeSlash() ? "\\/" : "/");
                default -> {
                    boolean html = style.htmlSafe() && "<>&='".indexOf(c) >= 0;
                    if (c < 0x20 || html || (style.asciiOnly() && c > 0x7F)) {
                        String hex = String.format(style.upperHex() ? "%04X" : "%04x", (int) c);
                        out.append("\\u").append(hex);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
