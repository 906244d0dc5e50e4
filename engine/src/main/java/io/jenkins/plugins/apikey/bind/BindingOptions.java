package io.jenkins.plugins.apikey.bind;

import java.net.URI;

/**
 * How one key is bound, beyond the preset's defaults. Every field may be {@code null}: a {@code
 * null} variable name means the preset's default, a {@code null} option means "not wanted".
 *
 * @param keyVariable the variable for the key (client credentials: the secret)
 * @param clientIdVariable the variable for the client id of client credentials
 * @param argumentsVariable the variable for the ready console-mode arguments
 * @param keyFile write the key to a file and put its path in a variable
 * @param agentConfig render a Katalon TestOps agent configuration file
 * @param token exchange client credentials for a token
 */
public record BindingOptions(
        String keyVariable,
        String clientIdVariable,
        String argumentsVariable,
        KeyFile keyFile,
        AgentConfig agentConfig,
        Token token) {

    /** The preset's defaults and nothing more. */
    public static BindingOptions defaults() {
        return new BindingOptions(null, null, null, null, null, null);
    }

    /** Write the key, alone, to an owner-only file whose path goes in {@code variable}. */
    public record KeyFile(String variable) {}

    /**
     * Render a Katalon TestOps agent {@code agentconfig} file (INI keys {@code apikey},
     * {@code serverUrl}, {@code organizationId}, {@code agentName}, {@code email}), whose path goes
     * in {@code variable}. Empty values are left out.
     */
    public record AgentConfig(
            String variable, String serverUrl, String organizationId, String agentName, String email) {}

    /** Exchange client credentials at {@code baseUrl} for a token that goes in {@code variable}. */
    public record Token(String variable, URI baseUrl) {}
}
