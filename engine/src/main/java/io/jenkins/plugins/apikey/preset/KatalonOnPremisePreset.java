package io.jenkins.plugins.apikey.preset;

import io.jenkins.plugins.apikey.EngineMessages;
import io.jenkins.plugins.apikey.exchange.TokenRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Katalon TestOps on-premise: a Katalon key for a self-hosted TestOps server, passed to
 * {@code katalonc} as {@code -apiKeyOnPremise=} (alias {@code -apiKeyOP=}) with
 * {@code -testOps.serverUrl=}.
 */
public final class KatalonOnPremisePreset implements ServicePreset {

    @Override
    public String id() {
        return "katalon-onprem";
    }

    @Override
    public String displayName() {
        return "Katalon TestOps on-premise";
    }

    @Override
    public String keyName() {
        return "Katalon on-premise API key";
    }

    @Override
    public boolean needsServerUrl() {
        return true;
    }

    @Override
    public List<Finding> checkKey(String key) {
        return KatalonPreset.checkKatalonKey(key, keyName());
    }

    @Override
    public List<Finding> checkServerUrl(String serverUrl) {
        List<Finding> findings = new ArrayList<>();
        if (serverUrl == null || serverUrl.isBlank()) {
            findings.add(Finding.error("url.missing", EngineMessages.serverUrlMissing()));
            return findings;
        }
        URI uri;
        try {
            uri = new URI(serverUrl.strip());
        } catch (URISyntaxException e) {
            findings.add(Finding.error("url.invalid", EngineMessages.serverUrlInvalid()));
            return findings;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            findings.add(Finding.error("url.invalid", EngineMessages.serverUrlInvalid()));
        } else if (uri.getRawUserInfo() != null) {
            findings.add(Finding.error("url.credentials", EngineMessages.serverUrlHasCredentials()));
        } else if (scheme.equals("http")) {
            findings.add(Finding.warning("url.http", EngineMessages.serverUrlPlainHttp()));
        }
        return findings;
    }

    @Override
    public String keyVariable() {
        return KatalonPreset.KEY_VARIABLE;
    }

    @Override
    public Optional<String> argumentsVariable() {
        return Optional.of(KatalonPreset.ARGUMENTS_VARIABLE);
    }

    @Override
    public List<String> consoleArguments(KeyMaterial material) {
        return List.of("-apiKeyOnPremise=" + material.key(), "-testOps.serverUrl=" + material.serverUrl());
    }

    @Override
    public List<String> maskValues(KeyMaterial material) {
        return KatalonPreset.katalonMaskValues(material.key());
    }

    /** {@code -apiKeyOnPremise=}, as {@code katalonc} takes an on-premise key. */
    @Override
    public List<KeyShape> keyShapes() {
        return List.of(new KeyShape.Setting(List.of("apiKeyOnPremise"), KatalonPreset.UUID));
    }

    @Override
    public Optional<TokenRequest> verificationRequest(KeyMaterial material, URI baseUrl) {
        if (baseUrl == null
                && (material.serverUrl() == null || material.serverUrl().isBlank())) {
            throw new IllegalArgumentException(EngineMessages.serverUrlMissing());
        }
        return Optional.of(
                TokenRequest.katalon(baseUrl != null ? baseUrl : serverUri(material.serverUrl()), material.key()));
    }

    @Override
    public List<URI> verificationBaseUrls(KeyMaterial material) {
        return checkServerUrl(material.serverUrl()).stream().anyMatch(Finding::isError)
                ? List.of()
                : List.of(serverUri(material.serverUrl()));
    }

    private static URI serverUri(String serverUrl) {
        try {
            return new URI(serverUrl.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(EngineMessages.serverUrlInvalid(), e);
        }
    }
}
