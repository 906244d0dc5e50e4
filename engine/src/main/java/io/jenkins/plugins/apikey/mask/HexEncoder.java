package io.jenkins.plugins.apikey.mask;

import java.util.List;

/** Hexadecimal digits of every byte, lower and upper case, as {@code xxd -p} or a hex dump prints them. */
final class HexEncoder implements FormEncoder {

    @Override
    public String name() {
        return "hex";
    }

    @Override
    public boolean fragments() {
        return true;
    }

    @Override
    public List<byte[]> encode(byte[] value) {
        return List.of(hex(value, false), hex(value, true));
    }

    private static byte[] hex(byte[] value, boolean upper) {
        byte[] out = new byte[2 * value.length];
        for (int i = 0; i < value.length; i++) {
            out[2 * i] = ByteBuilder.hexDigit(value[i] >> 4, upper);
            out[2 * i + 1] = ByteBuilder.hexDigit(value[i], upper);
        }
        return out;
    }
}
