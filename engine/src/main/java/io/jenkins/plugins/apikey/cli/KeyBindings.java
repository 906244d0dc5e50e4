package io.jenkins.plugins.apikey.cli;

import io.jenkins.plugins.apikey.bind.BindingOptions;
import io.jenkins.plugins.apikey.bind.BindingRequest;
import io.jenkins.plugins.apikey.bind.KeyLabel;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePresets;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code run}'s options and environment files into binding requests: the keys as {@link
 * KeyInputs} reads them, with the binding options that name them, and the environment files'
 * values, checked like keys.
 */
final class KeyBindings {

    /**
     * The requests to plan, the warnings to show, each {@code --key} by name for {NAME}, and the
     * Xray Cloud base URL of {@code --xray-url} or {@code --xray-region} ({@code null}: none given).
     */
    record Result(List<BindingRequest> requests, List<String> warnings, Map<String, String> keys, URI xrayUrl) {}

    private final RunOptions options;
    private final Environment env;
    private final InputStream stdin;
    private final List<BindingRequest> requests = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, String> keys = new LinkedHashMap<>();
    private URI xrayUrl;

    private KeyBindings(RunOptions options, Environment env, InputStream stdin) {
        this.options = options;
        this.env = env;
        this.stdin = stdin;
    }

    /** Reads and checks every key of {@code options}. */
    static Result read(RunOptions options, Environment env, InputStream stdin) throws RunFailure {
        KeyBindings bindings = new KeyBindings(options, env, stdin);
        bindings.readKeys();
        bindings.readEnvFiles();
        return new Result(bindings.requests, bindings.warnings, bindings.keys, bindings.xrayUrl);
    }

    private void readKeys() throws RunFailure {
        KeyInputs inputs = KeyInputs.parse(
                options.key,
                options.envFiles.isEmpty()
                        ? "No keys given. Give at least one --key NAME=env:VAR, NAME=file:PATH or NAME=stdin, or an"
                                + " --env-file PATH."
                        : null);
        Collection<String> names = inputs.names();
        Map<String, String> clientIdVariables = KeyInputs.pairs(options.clientIdVariables, "client-id-variable", names);
        Map<String, String> variables = KeyInputs.pairs(options.variables, "variable", names);
        Map<String, String> argsVariables = KeyInputs.pairs(options.argsVariables, "args-variable", names);
        Map<String, String> keyFiles = KeyInputs.pairs(options.keyFiles, "key-file", names);
        Map<String, String> agentConfigs = KeyInputs.pairs(options.agentConfigs, "agent-config", names);
        Map<String, String> tokens = KeyInputs.pairs(options.exchangeTokens, "exchange-token", names);
        if (options.agentConfigPath != null && agentConfigs.size() != 1) {
            throw new RunFailure(
                    RunFailure.USAGE,
                    "--agent-config-path needs exactly one --agent-config NAME, to say whose agentconfig it is.");
        }
        if (tokens.isEmpty() && !options.verify && (options.key.xrayUrl != null || options.key.xrayRegion != null)) {
            throw new RunFailure(
                    RunFailure.USAGE,
                    "--xray-url and --xray-region apply only with --exchange-token NAME or --verify.");
        }
        xrayUrl = KeyInputs.xrayUrl(options.key);
        for (KeyInputs.KeyInput input : inputs.read(env, stdin, warnings)) {
            String name = input.label().name();
            keys.put(name, input.material().key());
            BindingOptions bindingOptions = new BindingOptions(
                    variables.get(name),
                    clientIdVariables.get(name),
                    argsVariables.get(name),
                    keyFiles.containsKey(name) ? new BindingOptions.KeyFile(emptyToNull(keyFiles.get(name))) : null,
                    agentConfigs.containsKey(name) ? agentConfig(agentConfigs.get(name)) : null,
                    tokens.containsKey(name) ? new BindingOptions.Token(emptyToNull(tokens.get(name)), xrayUrl) : null);
            requests.add(new BindingRequest(input.label(), input.preset(), input.material(), bindingOptions));
        }
    }

    private void readEnvFiles() throws RunFailure {
        Map<String, DotEnvFile.Entry> seen = new LinkedHashMap<>();
        for (Path file : options.envFiles) {
            for (DotEnvFile.Entry entry : DotEnvFile.read(file)) {
                DotEnvFile.Entry first = seen.putIfAbsent(entry.name(), entry);
                if (first != null) {
                    throw new RunFailure(
                            RunFailure.USAGE,
                            "Line " + entry.line() + " of " + entry.file() + " sets " + entry.name() + " again; line "
                                    + first.line() + " of " + first.file() + " set it already. Keep one of them.");
                }
                String value = entry.value();
                if (value.startsWith("env:") || value.startsWith("file:")) {
                    value = KeySource.read(entry.label(), value, false, env, stdin);
                }
                KeyMaterial material = KeyMaterial.of(value);
                KeyInputs.check(entry.label(), ServicePresets.GENERIC, material, warnings);
                requests.add(new BindingRequest(
                        KeyLabel.environmentFile(entry.name(), entry.file(), entry.line()),
                        ServicePresets.GENERIC,
                        material,
                        new BindingOptions(entry.name(), null, null, null, null, null)));
            }
        }
    }

    private BindingOptions.AgentConfig agentConfig(String variable) {
        return new BindingOptions.AgentConfig(
                emptyToNull(variable),
                options.agentServerUrl,
                options.agentOrganization,
                options.agentName,
                options.agentEmail);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
