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

    private static final boolean[] SPECIAL = ByteBuilder.setOf("&<>\"'");

    @Override
    public List<byte[]> encode(byte[] value) {
        if (!ByteBuilder.containsAny(value, SPECIAL, false, false)) {
            return List.of(value);
        }
        List<byte[]> forms = new ArrayList<>(9);
        forms.add(escape(value, "\"", "'"));
        for (String doubleQuote : DOUBLE_QUOTE) {
            for (String singleQuote : SINGLE_QUOTE) {
                forms.add(escape(value, doubleQuote, singleQuote));
            }
        }
        return forms;
    }

    private static byte[] escape(byte[] value, String doubleQuote, String singleQuote) {
        ByteBuilder out = new ByteBuilder(value.length + 16);
        for (byte b : value) {
            switch (b) {
                case '&' -> out.appendAscii("&amp;");
                case '<' -> out.appendAscii("&lt;");
                case '>' -> out.appendAscii("&gt;");
                case '"' -> out.appendAscii(doubleQuote);
                case '\'' -> out.appendAscii(singleQuote);
                default -> out.append(b);
            }
        }
        return out.toByteArray();
    }
}
