package io.jenkins.plugins.apikey.scan;

import io.jenkins.plugins.apikey.EngineMessages;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import io.jenkins.plugins.apikey.verify.KeyVerifier;
import io.jenkins.plugins.apikey.verify.Outcome;
import io.jenkins.plugins.apikey.verify.Verification;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Asks services whether keys found by a scan still work, with the engine's {@link KeyVerifier}:
 * each at its preset's own server, or at the base URL the caller chose for the preset. A found
 * key that lacks what its service needs (an Xray secret without a client id beside it, an
 * on-premise key without a server URL) is not sent anywhere.
 */
public final class LeakVerifier {

    private final KeyVerifier verifier;
    private final Map<String, URI> baseUrls;

    /** @param baseUrls base URLs by preset id, such as {@code katalon-onprem}; others use their own servers */
    public LeakVerifier(KeyVerifier verifier, Map<String, URI> baseUrls) {
        this.verifier = verifier;
        this.baseUrls = Map.copyOf(baseUrls);
    }

    /** What {@code preset}'s service says about {@code material}; one request at most. */
    public Verification verify(ServicePreset preset, KeyMaterial material) throws InterruptedException {
        URI baseUrl = baseUrls.get(preset.id());
        if (preset.isClientCredentials() && material.clientId() == null) {
            return notSent(EngineMessages.scanNoClientId(preset.keyName()));
        }
        if (preset.needsServerUrl() && baseUrl == null && material.serverUrl() == null) {
            return notSent(EngineMessages.scanNoServerUrl(preset.keyName(), preset.id()));
        }
        return verifier.verify(preset, material, baseUrl);
    }

    private static Verification notSent(String message) {
        return new Verification(Outcome.NO_VERIFIER, null, 0, null, Duration.ZERO, message);
    }
}
