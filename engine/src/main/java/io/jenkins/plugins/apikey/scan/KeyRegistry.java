package io.jenkins.plugins.apikey.scan;

import io.jenkins.plugins.apikey.inventory.KeyFingerprint;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import io.jenkins.plugins.apikey.verify.Verification;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys one scan has found: a number for each distinct key, and, when the scan verifies keys,
 * what its service said, asked once per key. It tells keys apart by a keyed hash whose key is
 * random and lives as long as the registry, and keeps no key. Thread-safe.
 */
public final class KeyRegistry {

    private final LeakVerifier verifier;
    private KeyFingerprint fingerprint;
    private final Map<String, Integer> numbers = new HashMap<>();
    private final Map<Integer, Verification> verifications = new HashMap<>();
    private final Map<Integer, Verification> unreported = new LinkedHashMap<>();

    /** @param verifier verifies each key the first time it is found, or null to verify none */
    public KeyRegistry(LeakVerifier verifier) {
        this.verifier = verifier;
    }

    /** Whether found keys are verified. */
    public boolean verifies() {
        return verifier != null;
    }

    /** The number of {@code key}: the same for the same key, from 1 in the order first found. */
    synchronized int number(String key) {
        return numbers.computeIfAbsent(fingerprint().of(key), h -> numbers.size() + 1);
    }

    /**
     * The keyed hash, made when the first key is found: loading the security providers for it took
     * about a tenth of the start-up of a scan that finds no key.
     */
    private KeyFingerprint fingerprint() {
        if (fingerprint == null) {
            byte[] key = new byte[32];
            Randomness.RANDOM.nextBytes(key);
            fingerprint = new KeyFingerprint(key);
        }
        return fingerprint;
    }

    /** The random source, made with the first keyed hash (a holder class is loaded on first use). */
    private static final class Randomness {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    /**
     * Whether key {@code number} works: asked of its service the first time, remembered after;
     * null when the registry does not verify.
     */
    synchronized Liveness liveness(int number, ServicePreset preset, KeyMaterial material) throws InterruptedException {
        if (verifier == null) {
            return null;
        }
        Verification verification = verifications.get(number);
        if (verification == null) {
            verification = verifier.verify(preset, material);
            verifications.put(number, verification);
            unreported.put(number, verification);
        }
        return Liveness.of(verification.verdict());
    }

    /** The verifications made since the last call, by key number. */
    synchronized Map<Integer, Verification> takeNew() {
        Map<Integer, Verification> taken = new LinkedHashMap<>(unreported);
        unreported.clear();
        return taken;
    }
}
