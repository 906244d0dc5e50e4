package io.jenkins.plugins.apikey.mask;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Percent-encoding (URLs, form bodies): upper- and lower-case hex digits, space as {@code +} or
 * {@code %20}, with the unreserved set of RFC 3986 ({@code -._~}) and of HTML forms and
 * {@code java.net.URLEncoder} ({@code -._*}).
 */
final class PercentEncoder implements FormEncoder {

    private static final String RFC3986_UNRESERVED = "-._~";
    private static final String FORM_UNRESERVED = "-._*";

    @Override
    public String name() {
        return "percent";
    }

    @Override
    public List<String> encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        List<String> forms = new ArrayList<>(8);
        for (String unreserved : List.of(RFC3986_UNRESERVED, FORM_UNRESERVED)) {
            for (boolean upperHex : new boolean[] {true, false}) {
                for (String space : List.of("+", "%20")) {
                    forms.add(encode(bytes, unreserved, upperHex, space));
                }
            }
        }
        return forms;
    }

    private static String encode(byte[] bytes, String unreserved, boolean upperHex, String space) {
        String hex = upperHex ? "0123456789ABCDEF" : "0123456789abcdef";
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isAsciiAlphanumeric(c) || unreserved.indexOf(c) >= 0) {
                out.append((char) c);
            } else if (c == ' ') {
                out.append(space);
            } else {
                out.append('%').append(hex.charAt(c >> 4)).append(hex.charAt(c & 0xF));
            }
        }
        return out.toString();
    }

    private static boolean isAsciiAlphanumeric(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
