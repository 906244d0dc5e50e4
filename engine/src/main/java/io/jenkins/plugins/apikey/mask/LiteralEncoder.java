package io.jenkins.plugins.apikey.mask;

import java.util.List;

/** The secret as it is. */
final class LiteralEncoder implements FormEncoder {

    @Override
    public String name() {
        return "literal";
    }

    @Override
    public List<byte[]> encode(byte[] value) {
        return List.of(value);
    }
}
