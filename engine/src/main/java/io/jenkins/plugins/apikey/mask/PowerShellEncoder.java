package io.jenkins.plugins.apikey.mask;

import java.util.List;

/**
 * PowerShell quoting: inside {@code '...'} a single quote is doubled; inside {@code "..."} a
 * backtick escapes {@code `}, {@code "} and {@code $}.
 */
final class PowerShellEncoder implements FormEncoder {

    private static final byte[] DOUBLED_QUOTE = {'\'', '\''};
    private static final boolean[] SPECIAL = ByteBuilder.setOf("'`\"$");

    @Override
    public String name() {
        return "powershell";
    }

    @Override
    public List<byte[]> encode(byte[] value) {
        if (!ByteBuilder.containsAny(value, SPECIAL, false, false)) {
            return List.of(value);
        }
        ByteBuilder backtick = new ByteBuilder(value.length + 8);
        for (byte b : value) {
            if (b == '`' || b == '"' || b == '$') {
                backtick.append('`');
            }
            backtick.append(b);
        }
        return List.of(ByteBuilder.replace(value, (byte) '\'', DOUBLED_QUOTE), backtick.toByteArray());
    }
}
