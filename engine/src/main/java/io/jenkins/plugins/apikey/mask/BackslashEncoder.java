package io.jenkins.plugins.apikey.mask;

import java.util.List;

/**
 * Backslash escaping: every shell metacharacter escaped (bash {@code printf %q}, zsh
 * {@code ${(q)...}}), and only the characters special inside double quotes ({@code " \ $ `}).
 */
final class BackslashEncoder implements FormEncoder {

    private static final String SHELL_SPECIAL = " \t!\"#$&'()*,;<=>?[\\]^`{|}~";
    private static final String DOUBLE_QUOTE_SPECIAL = "\"\\$`";

    @Override
    public String name() {
        return "backslash";
    }

    @Override
    public List<String> encode(String value) {
        return List.of(escape(value, SHELL_SPECIAL), escape(value, DOUBLE_QUOTE_SPECIAL));
    }

    private static String escape(String value, String special) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (special.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
