package io.jenkins.plugins.apikey.preset;

import io.jenkins.plugins.apikey.EngineMessages;
import io.jenkins.plugins.apikey.exchange.TokenRequest;
import io.jenkins.plugins.apikey.exchange.XrayRegion;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Xray Cloud: a client id and client secret, exchanged for a token at
 * {@code /api/v1/authenticate}. The client id is an identifier and serves as the hint; the secret
 * is masked.
 */
public final class XrayCloudPreset implements ServicePreset {

    private static final Pattern HEX_32 = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-fA-F]{64}");

    @Override
    public String id() {
        return "xray";
    }

    @Override
    public String displayName() {
        return "Xray Cloud";
    }

    @Override
    public String keyName() {
        return "Xray Cloud client secret";
    }

    @Override
    public boolean isClientCredentials() {
        return true;
    }

    @Override
    public List<Finding> checkClientId(String clientId) {
        List<Finding> findings = new ArrayList<>(KeyChecks.check(clientId, "Xray Cloud client id"));
        if (!KeyChecks.hasError(findings) && !KeyChecks.isHex(clientId, 32)) {
            findings.add(Finding.warning("xray.client-id.format", EngineMessages.xrayClientIdFormat()));
        }
        return findings;
    }

    @Override
    public List<Finding> checkKey(String secret) {
        List<Finding> findings = new ArrayList<>(KeyChecks.check(secret, keyName()));
        if (!KeyChecks.hasError(findings) && !KeyChecks.isHex(secret, 64)) {
            findings.add(Finding.warning("xray.secret.format", EngineMessages.xraySecretFormat()));
        }
        return findings;
    }

    @Override
    public String hint(KeyMaterial material) {
        return Hints.lastFour(material.clientId());
    }

    @Override
    public String keyVariable() {
        return "XRAY_CLIENT_SECRET";
    }

    @Override
    public Optional<String> clientIdVariable() {
        return Optional.of("XRAY_CLIENT_ID");
    }

    @Override
    public List<String> maskValues(KeyMaterial material) {
        return List.of(material.key());
    }

    /** A secret of 64 hex digits beside a client id: on its line, or in the same JSON or YAML object. */
    @Override
    public List<KeyShape> keyShapes() {
        return List.of(
                new KeyShape.ClientSecret(HEX_64, HEX_32, List.of("client_id", "clientId", "client-id", "client id")));
    }

    @Override
    public Optional<TokenRequest> verificationRequest(KeyMaterial material, URI baseUrl) {
        return Optional.of(TokenRequest.xray(
                baseUrl != null ? baseUrl : XrayRegion.GLOBAL.baseUrl(), material.clientId(), material.key()));
    }

    @Override
    public List<URI> verificationBaseUrls(KeyMaterial material) {
        return Arrays.stream(XrayRegion.values()).map(XrayRegion::baseUrl).toList();
    }
}
