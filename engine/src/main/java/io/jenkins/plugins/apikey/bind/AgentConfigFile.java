package io.jenkins.plugins.apikey.bind;

import io.jenkins.plugins.apikey.EngineMessages;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the {@code agentconfig} file a Katalon TestOps agent reads at start-up: one
 * {@code key=value} line each for {@code apikey}, {@code serverUrl}, {@code organizationId},
 * {@code agentName} and {@code email}, leaving out empty values.
 */
final class AgentConfigFile {

    private AgentConfigFile() {}

    /** The line that carries the key: the only part of the file that is secret. */
    static String keyLine(String key) {
        return "apikey=" + key;
    }

    /** The whole file, or the name of the first value that would break its line structure. */
    static String render(String key, String serverUrl, BindingOptions.AgentConfig config) throws BindingException {
        List<String> lines = new ArrayList<>();
        lines.add(keyLine(key));
        add(lines, "serverUrl", serverUrl);
        add(lines, "organizationId", config.organizationId());
        add(lines, "agentName", config.agentName());
        add(lines, "email", config.email());
        return String.join("\n", lines) + "\n";
    }

    private static void add(List<String> lines, String name, String value) throws BindingException {
        if (value == null || value.isBlank()) {
            return;
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new BindingException(EngineMessages.agentConfigLineBreak(name));
        }
        lines.add(name + "=" + value.strip());
    }
}
