package io.jenkins.plugins.apikey.inventory;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes of key values (HMAC-SHA256 with a key of the installation's own): equal for equal
 * values, so rotation shows, and useless for guessing a value without the installation's key.
 */
public final class KeyFingerprint {

    private final SecretKeySpec macKey;

    /** @param macKey the installation's secret hashing key, at least 16 bytes */
    public KeyFingerprint(byte[] macKey) {
        if (macKey.length < 16) {
            throw new IllegalArgumentException("The hashing key must be at least 16 bytes.");
        }
        this.macKey = new SecretKeySpec(macKey.clone(), "HmacSHA256");
    }

    /** The fingerprint of {@code parts} (such as a client id and its secret), in hex. */
    public String of(String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            for (String part : parts) {
                byte[] bytes = (part == null ? "" : part).getBytes(StandardCharsets.UTF_8);
                mac.update((byte) (bytes.length >>> 24));
                mac.update((byte) (bytes.length >>> 16));
                mac.update((byte) (bytes.length >>> 8));
                mac.update((byte) bytes.length);
                mac.update(bytes);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
