package io.jenkins.plugins.apikey.mask;

import java.util.ArrayList;
import java.util.List;

/**
 * XML and HTML escaping: text content ({@code & < >} only) and attribute style, where quotes are
 * written as the named or numeric references different libraries choose.
 */
final class XmlEncoder implements FormEncoder {

    private static final List<String> DOUBLE_QUOTE = List.of("&quot;", "&#34;");
    private static final List<String> SINGLE_QUOTE = List.of("&#39;", "&#039;", "&apos;", "&#x27;");

    @Override
    public String name() {
        return "xml";
    }

    @Override
    public List<String> encode(String value) {
        List<String> forms = new ArrayList<>();
        forms.add(escape(value, "\"", "'"));
        for (String doubleQuote : DOUBLE_QUOTE) {
            for (String singleQuote : SINGLE_QUOTE) {
                forms.add(escape(value, doubleQuote, singleQuote));
            }
        }
        return forms;
    }

    private static String escape(String value, String doubleQuote, String singleQuote) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(doubleQuote);
                case '\'' -> out.append(singleQuote);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
