package io.jenkins.plugins.apikey.mask;

import java.util.List;

/**
 * Backslash escaping as shells print values: bash's {@code printf %q} (its metacharacters, with
 * {@code #} only first and {@code ~} only first or after {@code :} or {@code =}), every
 * metacharacter including {@code # = ~} (zsh's {@code ${(q)...}}), and only the characters special
 * inside double quotes, {@code " \ $ `} ({@code declare -p}, {@code export -p}).
 */
final class BackslashEncoder implements FormEncoder {

    private static final String BASH_SPECIAL = " \t\n!\"$&'()*,;<>?[\\]^`{|}";
    private static final String ALL_SPECIAL = " \t!\"#$&'()*,;<=>?[\\]^`{|}~";
    private static final String DOUBLE_QUOTE_SPECIAL = "\"\\$`";
    private static final boolean[] ANY_SPECIAL = ByteBuilder.setOf(BASH_SPECIAL + ALL_SPECIAL);

    @Override
    public String name() {
        return "backslash";
    }

    @Override
    public List<byte[]> encode(byte[] value) {
        if (!ByteBuilder.containsAny(value, ANY_SPECIAL, false, false)) {
            return List.of(value);
        }
        return List.of(printfQ(value), escape(value, ALL_SPECIAL), escape(value, DOUBLE_QUOTE_SPECIAL));
    }

    private static byte[] printfQ(byte[] value) {
        ByteBuilder out = new ByteBuilder(value.length + 8);
        for (int i = 0; i < value.length; i++) {
            byte b = value[i];
            boolean tildeSpecial = i == 0 || value[i - 1] == ':' || value[i - 1] == '=';
            if ((b >= 0 && BASH_SPECIAL.indexOf(b) >= 0) || (b == '#' && i == 0) || (b == '~' && tildeSpecial)) {
                out.append('\\');
            }
            out.append(b);
        }
        return out.toByteArray();
    }

    private static byte[] escape(byte[] value, String special) {
        ByteBuilder out = new ByteBuilder(value.length + 8);
        for (byte b : value) {
            if (b >= 0 && special.indexOf(b) >= 0) {
                out.append('\\');
            }
            out.append(b);
        }
        return out.toByteArray();
    }
}
