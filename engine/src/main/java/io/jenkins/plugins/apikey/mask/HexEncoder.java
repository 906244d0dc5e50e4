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
        ByteBuilder out = new ByteBuilder(2 * value.length);
        for (byte b : value) {
            out.appendHex(b & 0xFF, 2, upper);
        }
        return out.toByteArray();
    }
}
