package io.jenkins.plugins.apikey.mask;

import java.util.List;

/**
 * How shells print a single-quoted word under {@code set -x}: bash closes the quote and writes
 * {@code '\''} for an embedded quote, ash and dash write {@code '"'"'}.
 */
final class ShellQuoteEncoder implements FormEncoder {

    private static final byte[] BASH = {'\'', '\\', '\'', '\''};
    private static final byte[] ASH = {'\'', '"', '\'', '"', '\''};

    @Override
    public String name() {
        return "shell-quote";
    }

    @Override
    public List<byte[]> encode(byte[] value) {
        if (!SecretVariants.contains(value, '\'')) {
            return List.of(value);
        }
        return List.of(ByteBuilder.replace(value, (byte) '\'', BASH), ByteBuilder.replace(value, (byte) '\'', ASH));
    }
}
