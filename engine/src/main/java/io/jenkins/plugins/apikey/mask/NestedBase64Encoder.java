package io.jenkins.plugins.apikey.mask;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Base64 of Base64, as in a Kubernetes Secret holding a {@code .dockerconfigjson} whose
 * {@code auth} field is {@code base64("user:" + key)}: the core of the value at each alignment
 * (see {@link Base64Encoder}) is itself encoded at each alignment, both times in the standard
 * alphabet, which is what both formats use.
 */
final class NestedBase64Encoder implements FormEncoder {

    @Override
    public String name() {
        return "base64-of-base64";
    }

    @Override
    public boolean fragments() {
        return true;
    }

    @Override
    public List<byte[]> encode(byte[] value) {
        Base64.Encoder encoder = Base64.getEncoder().withoutPadding();
        List<byte[]> inner = new ArrayList<>(3);
        for (int alignment = 0; alignment < 3; alignment++) {
            Base64Encoder.addAligned(value, alignment, encoder, false, inner);
        }
        List<byte[]> forms = new ArrayList<>(9);
        for (byte[] core : inner) {
            for (int alignment = 0; alignment < 3; alignment++) {
                Base64Encoder.addAligned(core, alignment, encoder, false, forms);
            }
        }
        return forms;
    }
}
