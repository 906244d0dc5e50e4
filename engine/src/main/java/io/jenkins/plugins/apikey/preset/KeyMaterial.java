package io.jenkins.plugins.apikey.preset;

/**
 * The plain values of one stored key, resolved at bind time. {@link #toString()} never shows the
 * key.
 *
 * @param key the key, or for client credentials the client secret
 * @param clientId the client id of client credentials, else {@code null}
 * @param serverUrl the server URL of an on-premise service, else {@code null}
 */
public record KeyMaterial(String key, String clientId, String serverUrl) {

    /** A single key with no client id or server URL. */
    public static KeyMaterial of(String key) {
        return new KeyMaterial(key, null, null);
    }

    @Override
    public String toString() {
        return "KeyMaterial[key=****, clientId=" + clientId + ", serverUrl=" + serverUrl + "]";
    }
}
