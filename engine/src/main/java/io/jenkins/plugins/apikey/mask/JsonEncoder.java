package io.jenkins.plugins.apikey.mask;

import io.jenkins.plugins.apikey.secret.SecretText;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON string escaping as common serializers print it: minimal escaping (Jackson, JavaScript),
 * ASCII-only output with {@code \\uXXXX} for everything else (Python's default), HTML-safe
 * escaping of {@code <>&='} (Gson's default), escaped slashes, every character as {@code \\uXXXX}
 * (obfuscating serializers), each in both hex cases. The value is read as UTF-8, or byte by byte
 * as Latin-1 when it is not UTF-8.
 */
final class JsonEncoder implements FormEncoder {

    @Override
    public String name() {
        return "json";
    }

    private static final boolean[] SPECIAL = ByteBuilder.setOf("\"\\/<>&='");

    @Override
    public List<byte[]> encode(byte[] value) {
        if (!ByteBuilder.containsAny(value, SPECIAL, true, true)) {
            return List.of(value, escapeAll(value, false), escapeAll(value, true));
        }
        String utf8 = decodeUtf8(value);
        String text = utf8 != null ? utf8 : new String(value, StandardCharsets.ISO_8859_1);
        List<byte[]> forms = new ArrayList<>(18);
        for (boolean upperHex : new boolean[] {false, true}) {
            for (int style = 0; style < 8; style++) {
                forms.add(escape(text, utf8 != null, (style & 1) != 0, (style & 2) != 0, (style & 4) != 0, upperHex));
            }
            forms.add(escapeAll(text.toCharArray(), upperHex));
        }
        return forms;
    }

    private static byte[] escape(
            String text, boolean utf8, boolean asciiOnly, boolean htmlSafe, boolean escapeSlash, boolean upperHex) {
        ByteBuilder out = new ByteBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append('\\').append('"');
                case '\\' -> out.append('\\').append('\\');
                case '\n' -> out.append('\\').append('n');
                case '\r' -> out.append('\\').append('r');
                case '\t' -> out.append('\\').append('t');
                case '\b' -> out.append('\\').append('b');
                case '\f' -> out.append('\\').append('f');
                case '/' -> {
                    if (escapeSlash) {
                        out.append('\\');
                    }
                    out.append('/');
                }
                default -> {
                    boolean html = htmlSafe && "<>&='".indexOf(c) >= 0;
                    if (c < 0x20 || html || (asciiOnly && c > 0x7F)) {
                        out.append('\\').append('u').appendHex(c, 4, upperHex);
                    } else if (c < 0x80 || !utf8) {
                        out.append(c);
                    } else {
                        appendUtf8(text, i, out);
                        if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                            i++;
                        }
                    }
                }
            }
        }
        return out.toByteArray();
    }

    private static byte[] escapeAll(byte[] ascii, boolean upperHex) {
        char[] chars = new char[ascii.length];
        for (int i = 0; i < ascii.length; i++) {
            chars[i] = (char) ascii[i];
        }
        return escapeAll(chars, upperHex);
    }

    private static byte[] escapeAll(char[] text, boolean upperHex) {
        byte[] out = new byte[6 * text.length];
        for (int i = 0, at = 0; i < text.length; i++, at += 6) {
            char c = text[i];
            out[at] = '\\';
            out[at + 1] = 'u';
            out[at + 2] = ByteBuilder.hexDigit(c >> 12, upperHex);
            out[at + 3] = ByteBuilder.hexDigit(c >> 8, upperHex);
            out[at + 4] = ByteBuilder.hexDigit(c >> 4, upperHex);
            out[at + 5] = ByteBuilder.hexDigit(c, upperHex);
        }
        return out;
    }

    private static void appendUtf8(String text, int i, ByteBuilder out) {
        int end = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() ? i + 2 : i + 1;
        byte[] bytes = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
        out.append(bytes, 0, bytes.length);
    }

    /** {@code value} read as UTF-8, or null if it is not UTF-8. */
    static String decodeUtf8(byte[] value) {
        try {
            return SecretText.decode(value);
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
