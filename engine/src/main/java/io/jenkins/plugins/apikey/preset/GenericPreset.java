package io.jenkins.plugins.apikey.preset;

import io.jenkins.plugins.apikey.exchange.TokenRequest;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Any other service: a single key with the checks every key gets. */
public final class GenericPreset implements ServicePreset {

    @Override
    public String id() {
        return "generic";
    }

    @Override
    public String displayName() {
        return "Generic API key";
    }

    @Override
    public String keyName() {
        return "API key";
    }

    @Override
    public List<Finding> checkKey(String key) {
        return KeyChecks.check(key, keyName());
    }

    @Override
    public String keyVariable() {
        return "API_KEY";
    }

    @Override
    public List<String> maskValues(KeyMaterial material) {
        return List.of(material.key());
    }

    /** None: there is no request that checks such a key without using it. */
    @Override
    public Optional<TokenRequest> verificationRequest(KeyMaterial material, URI baseUrl) {
        return Optional.empty();
    }
}
