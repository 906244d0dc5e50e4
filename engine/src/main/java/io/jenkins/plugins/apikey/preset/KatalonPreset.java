package io.jenkins.plugins.apikey.preset;

import io.jenkins.plugins.apikey.EngineMessages;
import io.jenkins.plugins.apikey.exchange.TokenRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Katalon cloud: one API key for TestOps, the Katalon Store plugin download at console-mode start
 * and Runtime Engine licensing. {@code katalonc} takes it as {@code -apiKey=}; TestOps REST takes
 * it as HTTP Basic with an empty user.
 */
public final class KatalonPreset implements ServicePreset {

    static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** katalonc refuses keys of this many characters or fewer. */
    static final int KATALONC_MIN_REJECTED = 7;

    /** Katalon TestOps cloud, the server of cloud keys. */
    public static final String CLOUD_SERVER_URL = "https://testops.katalon.io";

    static final String KEY_VARIABLE = "KATALON_API_KEY";
    static final String ARGUMENTS_VARIABLE = "KATALON_ARGS";

    @Override
    public String id() {
        return "katalon";
    }

    @Override
    public String displayName() {
        return "Katalon (TestOps, Store, Runtime Engine)";
    }

    @Override
    public String keyName() {
        return "Katalon API key";
    }

    @Override
    public List<Finding> checkKey(String key) {
        return checkKatalonKey(key, keyName());
    }

    /** The checks of a Katalon key, shared with the on-premise preset. */
    static List<Finding> checkKatalonKey(String key, String keyName) {
        List<Finding> findings = new ArrayList<>(KeyChecks.check(key, keyName));
        if (KeyChecks.hasError(findings)) {
            return findings;
        }
        String core = key.strip();
        if (core.length() <= KATALONC_MIN_REJECTED) {
            findings.add(Finding.error("katalon.short", EngineMessages.katalonKeyTooShort(core.length())));
        } else if (!UUID.matcher(core).matches()) {
            findings.add(Finding.warning("katalon.format", EngineMessages.katalonKeyNotUuid()));
        }
        return findings;
    }

    @Override
    public String keyVariable() {
        return KEY_VARIABLE;
    }

    @Override
    public Optional<String> argumentsVariable() {
        return Optional.of(ARGUMENTS_VARIABLE);
    }

    @Override
    public List<String> consoleArguments(KeyMaterial material) {
        return List.of("-apiKey=" + material.key());
    }

    @Override
    public List<String> maskValues(KeyMaterial material) {
        return katalonMaskValues(material.key());
    }

    /** {@code -apiKey=}, {@code KATALON_API_KEY=}, {@code apiKey:} and TestOps' HTTP Basic header. */
    @Override
    public List<KeyShape> keyShapes() {
        return List.of(new KeyShape.Setting(List.of("apiKey", KEY_VARIABLE), UUID), new KeyShape.BasicPassword(UUID));
    }

    @Override
    public Optional<TokenRequest> verificationRequest(KeyMaterial material, URI baseUrl) {
        return Optional.of(
                TokenRequest.katalon(baseUrl != null ? baseUrl : URI.create(CLOUD_SERVER_URL), material.key()));
    }

    @Override
    public List<URI> verificationBaseUrls(KeyMaterial material) {
        return List.of(URI.create(CLOUD_SERVER_URL));
    }

    /**
     * The key and the whole value TestOps REST expects after {@code Basic }: Base64 of an empty
     * user and the key, whose edge characters the key's own Base64 forms leave out.
     */
    static List<String> katalonMaskValues(String key) {
        return List.of(key, Base64.getEncoder().encodeToString((":" + key).getBytes(StandardCharsets.UTF_8)));
    }
}
