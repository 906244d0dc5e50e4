package io.jenkins.plugins.apikey.preset;

import io.jenkins.plugins.apikey.EngineMessages;
import io.jenkins.plugins.apikey.exchange.TokenRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Katalo organisation keys: {@code kat_live_<publicKeyId>.<secret>}, sent as
 * {@code Authorization: Bearer <key>}. The public key id is the hint; the secret part is masked on
 * its own too.
 */
public final class KataloPreset implements ServicePreset {

    static final String PREFIX = "kat_live_";

    /** What follows the prefix in a key found in text: a public key id, a dot, a secret. */
    private static final Pattern REST = Pattern.compile("[A-Za-z0-9_-]{1,64}\\.[A-Za-z0-9_-]{8,512}");

    @Override
    public String id() {
        return "katalo";
    }

    @Override
    public String displayName() {
        return "Katalo";
    }

    @Override
    public String keyName() {
        return "Katalo organisation key";
    }

    @Override
    public List<Finding> checkKey(String key) {
        List<Finding> findings = new ArrayList<>(KeyChecks.check(key, keyName()));
        if (KeyChecks.hasError(findings)) {
            return findings;
        }
        String core = key.strip();
        int dot = core.indexOf('.', PREFIX.length());
        if (!core.startsWith(PREFIX)) {
            findings.add(Finding.error("katalo.prefix", EngineMessages.kataloPrefixMissing()));
        } else if (dot <= PREFIX.length() || dot == core.length() - 1) {
            findings.add(Finding.error("katalo.dot", EngineMessages.kataloDotMissing()));
        }
        return findings;
    }

    @Override
    public String hint(KeyMaterial material) {
        String key = material.key() == null ? "" : material.key().strip();
        int dot = key.indexOf('.', PREFIX.length());
        if (key.startsWith(PREFIX) && dot > PREFIX.length()) {
            return key.substring(PREFIX.length(), dot);
        }
        return Hints.lastFour(key);
    }

    @Override
    public String keyVariable() {
        return "KATALO_API_KEY";
    }

    /** {@code kat_live_<public key id>.<secret>}. */
    @Override
    public List<KeyShape> keyShapes() {
        return List.of(new KeyShape.Prefixed(PREFIX, REST));
    }

    @Override
    public List<String> maskValues(KeyMaterial material) {
        String key = material.key();
        int dot = key.indexOf('.', PREFIX.length());
        if (key.startsWith(PREFIX) && dot > 0 && dot < key.length() - 1) {
            return List.of(key, key.substring(dot + 1));
        }
        return List.of(key);
    }

    /** None: there is no request that checks such a key without using it. */
    @Override
    public Optional<TokenRequest> verificationRequest(KeyMaterial material, URI baseUrl) {
        return Optional.empty();
    }
}
