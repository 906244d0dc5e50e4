package io.jenkins.plugins.apikey.preset;

import io.jenkins.plugins.apikey.exchange.TokenRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the product knows about one service's keys: how to check them, the hint shown in place of
 * the key, the variables a binding uses by default, the console-mode arguments, the values
 * derived from a key that must be masked with it, and whether and how the service verifies a key.
 */
public sealed interface ServicePreset
        permits KatalonPreset, KatalonOnPremisePreset, XrayCloudPreset, KataloPreset, GenericPreset {

    /** The stable id used in configuration, such as {@code katalon-onprem}. */
    String id();

    /** The name users read, such as "Katalon TestOps on-premise". */
    String displayName();

    /** What a key of this service is called in messages, such as "Katalon API key". */
    String keyName();

    /** Whether a key of this service is a client id and secret pair rather than a single key. */
    default boolean isClientCredentials() {
        return false;
    }

    /** Whether a key of this service needs a server URL. */
    default boolean needsServerUrl() {
        return false;
    }

    /** Findings for a key (for client credentials: the secret). */
    List<Finding> checkKey(String key);

    /** Findings for a client id; empty for single-key services. */
    default List<Finding> checkClientId(String clientId) {
        return List.of();
    }

    /** Findings for a server URL; empty for services without one. */
    default List<Finding> checkServerUrl(String serverUrl) {
        return List.of();
    }

    /**
     * A short, non-secret reminder of which key this is: at most its last four characters (none
     * for keys under 12 characters), or an identifier the service treats as public.
     */
    default String hint(KeyMaterial material) {
        return Hints.lastFour(material.key());
    }

    /** The variable a binding puts the key (for client credentials: the secret) in by default. */
    String keyVariable();

    /** The variable for the client id, for client-credential services. */
    default Optional<String> clientIdVariable() {
        return Optional.empty();
    }

    /** The variable for the ready console-mode arguments, for services run in console mode. */
    default Optional<String> argumentsVariable() {
        return Optional.empty();
    }

    /** The console-mode arguments that pass the key, such as {@code -apiKey=<key>}; may be empty. */
    default List<String> consoleArguments(KeyMaterial material) {
        return List.of();
    }

    /**
     * Every value to mask for this key: the key (or secret) and what is derived from it that its
     * own forms do not cover, such as a whole HTTP Basic header value.
     */
    List<String> maskValues(KeyMaterial material);

    /**
     * The request that asks the service whether a key works, or empty when the service has no
     * verifier. It goes to {@code baseUrl}, or when that is {@code null} to the service's own
     * server (on-premise: the key's server URL). A caller that takes {@code baseUrl} from elsewhere
     * checks the request against {@link #verificationBaseUrls} before sending it.
     *
     * @param material a key that passes {@link #check}
     * @throws IllegalArgumentException if the base URL is not an http or https URL
     */
    Optional<TokenRequest> verificationRequest(KeyMaterial material, URI baseUrl);

    /** The base URLs that belong to the service for this key: its servers, or the key's server URL. */
    default List<URI> verificationBaseUrls(KeyMaterial material) {
        return List.of();
    }

    /**
     * What keys of this service look like in logs, settings and scripts, for scans that look for
     * keys nobody passed in; empty when they look like anything else.
     */
    default List<KeyShape> keyShapes() {
        return List.of();
    }

    /** The findings for all parts of {@code material}, in field order. */
    default List<Finding> check(KeyMaterial material) {
        List<Finding> findings = new ArrayList<>();
        if (isClientCredentials()) {
            findings.addAll(checkClientId(material.clientId()));
        }
        findings.addAll(checkKey(material.key()));
        if (needsServerUrl()) {
            findings.addAll(checkServerUrl(material.serverUrl()));
        }
        return findings;
    }
}
