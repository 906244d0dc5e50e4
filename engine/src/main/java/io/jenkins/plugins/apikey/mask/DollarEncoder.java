package io.jenkins.plugins.apikey.mask;

import java.util.List;

/** {@code $} doubled, as Jenkins, Make and Compose files escape it. */
final class DollarEncoder implements FormEncoder {

    private static final byte[] DOUBLED = {'$', '$'};

    @Override
    public String name() {
        return "dollar";
    }

    @Override
    public List<byte[]> encode(byte[] value) {
        if (!SecretVariants.contains(value, '$')) {
            return List.of(value);
        }
        return List.of(ByteBuilder.replace(value, (byte) '$', DOUBLED));
    }
}
