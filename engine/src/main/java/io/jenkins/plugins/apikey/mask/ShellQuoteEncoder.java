package io.jenkins.plugins.apikey.mask;

import java.util.List;

/**
 * How shells print a word under {@code set -x}: a value with characters special to the shell in
 * single quotes, where bash closes the quote and writes {@code '\''} for an embedded quote, and
 * ash and dash write {@code '"'"'}. The quoted value is a form with and without its outer quotes,
 * as it may be printed inside a longer quoted word.
 */
final class ShellQuoteEncoder implements FormEncoder {

    private static final byte[] BASH = {'\'', '\\', '\'', '\''};
    private static final byte[] ASH = {'\'', '"', '\'', '"', '\''};
    private static final boolean[] SPECIAL = ByteBuilder.setOf(" \t\n!\"#$&'()*,;<=>?[\\]^`{|}~");

    @Override
    public String name() {
        return "shell-quote";
    }

    @Override
    public List<byte[]> encode(byte[] value) {
        if (!ByteBuilder.containsAny(value, SPECIAL, false, false)) {
            return List.of(value);
        }
        byte[] bash = ByteBuilder.replace(value, (byte) '\'', BASH);
        byte[] ash = ByteBuilder.replace(value, (byte) '\'', ASH);
        return List.of(bash, quoted(bash), ash, quoted(ash));
    }

    private static byte[] quoted(byte[] inside) {
        return new ByteBuilder(inside.length + 2)
                .append('\'')
                .append(inside, 0, inside.length)
                .append('\'')
                .toByteArray();
    }
}
