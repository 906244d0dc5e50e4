package io.jenkins.plugins.apikey.cli;

import io.jenkins.plugins.apikey.bind.BindingOptions;
import io.jenkins.plugins.apikey.bind.BindingRequest;
import io.jenkins.plugins.apikey.exchange.XrayRegion;
import io.jenkins.plugins.apikey.preset.Finding;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import io.jenkins.plugins.apikey.preset.ServicePresets;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns {@code run}'s options and environment files into binding requests: checks that every
 * option names a key, reads each key once from its source, and checks it against its preset, with
 * messages that name the key and its source.
 */
final class KeyBindings {

    private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    /** The requests to plan, the warnings to show, and each {@code --key} by name for {NAME}. */
    record Result(List<BindingRequest> requests, List<String> warnings, Map<String, String> keys) {}

    private final RunOptions options;
    private final Environment env;
    private final InputStream stdin;
    private final List<BindingRequest> requests = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, String> keys = new LinkedHashMap<>();

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
        return new Result(bindings.requests, bindings.warnings, bindings.keys);
    }

    private void readKeys() throws RunFailure {
        Map<String, String> sources = pairs(options.keys, "key", null);
        if (sources.isEmpty() && options.envFiles.isEmpty()) {
            throw new RunFailure(
                    RunFailure.USAGE,
                    "No keys given. Give at least one --key NAME=env:VAR, NAME=file:PATH or NAME=stdin, or an"
                            + " --env-file PATH.");
        }
        Map<String, String> presets = pairs(options.presets, "preset", sources);
        Map<String, String> clientIds = pairs(options.clientIds, "client-id", sources);
        Map<String, String> clientIdVariables = pairs(options.clientIdVariables, "client-id-variable", sources);
        Map<String, String> serverUrls = pairs(options.serverUrls, "server-url", sources);
        Map<String, String> variables = pairs(options.variables, "variable", sources);
        Map<String, String> argsVariables = pairs(options.argsVariables, "args-variable", sources);
        Map<String, String> keyFiles = pairs(options.keyFiles, "key-file", sources);
        Map<String, String> agentConfigs = pairs(options.agentConfigs, "agent-config", sources);
        Map<String, String> tokens = pairs(options.exchangeTokens, "exchange-token", sources);
        if (options.agentConfigPath != null && agentConfigs.size() != 1) {
            throw new RunFailure(
                    RunFailure.USAGE,
                    "--agent-config-path needs exactly one --agent-config NAME, to say whose agentconfig it is.");
        }
        URI tokenUrl = tokenUrl(!tokens.isEmpty());
        long fromStdin = sources.values().stream().filter("stdin"::equals).count()
                + clientIds.values().stream().filter("stdin"::equals).count();
        if (fromStdin > 1) {
            throw new RunFailure(
                    RunFailure.USAGE,
                    "Only one key can come from standard input; give the others" + " with env: or file:.");
        }
        for (Map.Entry<String, String> source : sources.entrySet()) {
            String name = source.getKey();
            ServicePreset preset = preset(name, presets.get(name));
            String clientId = null;
            if (preset.isClientCredentials()) {
                String idSource = clientIds.get(name);
                if (idSource == null) {
                    throw new RunFailure(
                            RunFailure.USAGE,
                            "Key '" + name + "' uses preset " + preset.id() + ", which needs its client id: add"
                                    + " --client-id " + name + "=env:VAR, file:PATH or value:ID.");
                }
                clientId = KeySource.read(name, idSource, true, env, stdin);
            }
            String key = KeySource.read(name, source.getValue(), false, env, stdin);
            keys.put(name, key);
            BindingOptions bindingOptions = new BindingOptions(
                    variables.get(name),
                    clientIdVariables.get(name),
                    argsVariables.get(name),
                    keyFiles.containsKey(name) ? new BindingOptions.KeyFile(emptyToNull(keyFiles.get(name))) : null,
                    agentConfigs.containsKey(name) ? agentConfig(agentConfigs.get(name)) : null,
                    tokens.containsKey(name)
                            ? new BindingOptions.Token(emptyToNull(tokens.get(name)), tokenUrl)
                            : null);
            add(
                    "Key '" + name + "' (" + source.getValue() + ")",
                    new BindingRequest(
                            name, preset, new KeyMaterial(key, clientId, serverUrls.get(name)), bindingOptions));
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
                add(
                        entry.label(),
                        new BindingRequest(
                                entry.name(),
                                ServicePresets.GENERIC,
                                KeyMaterial.of(value),
                                new BindingOptions(entry.name(), null, null, null, null, null)));
            }
        }
    }

    /** Checks a request the way its preset does: errors stop run, warnings are shown. */
    private void add(String label, BindingRequest request) throws RunFailure {
        for (Finding finding : request.preset().check(request.material())) {
            if (finding.isError()) {
                throw new RunFailure(RunFailure.INVALID_KEY, label + " cannot be used: " + finding.message());
            }
            warnings.add(label + ": " + finding.message());
        }
        requests.add(request);
    }

    private URI tokenUrl(boolean exchanging) throws RunFailure {
        if (!exchanging) {
            if (options.xrayUrl != null || options.xrayRegion != null) {
                throw new RunFailure(
                        RunFailure.USAGE, "--xray-url and --xray-region apply only with --exchange-token NAME.");
            }
            return null;
        }
        if (options.xrayUrl != null && options.xrayRegion != null) {
            throw new RunFailure(RunFailure.USAGE, "Give --xray-url or --xray-region, not both.");
        }
        if (options.xrayRegion != null) {
            return XrayRegion.byName(options.xrayRegion)
                    .map(XrayRegion::baseUrl)
                    .orElseThrow(() -> new RunFailure(
                            RunFailure.USAGE,
                            "Unknown Xray region '" + options.xrayRegion + "'. Use GLOBAL, US, EU or AU."));
        }
        if (options.xrayUrl == null) {
            return null;
        }
        try {
            URI url = new URI(options.xrayUrl);
            if (url.isAbsolute()
                    && url.getHost() != null
                    && List.of("http", "https").contains(url.getScheme())) {
                return url;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new RunFailure(
                RunFailure.USAGE,
                "--xray-url '" + options.xrayUrl + "' is not an absolute http or https URL. Give the base URL, such"
                        + " as https://xray.cloud.getxray.app.");
    }

    private BindingOptions.AgentConfig agentConfig(String variable) {
        return new BindingOptions.AgentConfig(
                emptyToNull(variable),
                options.agentServerUrl,
                options.agentOrganization,
                options.agentName,
                options.agentEmail);
    }

    private static ServicePreset preset(String name, String id) throws RunFailure {
        if (id == null) {
            return ServicePresets.GENERIC;
        }
        return ServicePresets.byId(id)
                .orElseThrow(() -> new RunFailure(
                        RunFailure.USAGE,
                        "Unknown preset '" + id + "' for key '" + name + "'. Use one of "
                                + ServicePresets.all().stream()
                                        .map(ServicePreset::id)
                                        .collect(Collectors.joining(", "))
                                + "."));
    }

    /**
     * The {@code NAME=VALUE} (or bare {@code NAME}, with an empty value) pairs of option {@code
     * option}; with {@code known}, every NAME must be a key given with {@code --key}.
     */
    private static Map<String, String> pairs(List<String> given, String option, Map<String, String> known)
            throws RunFailure {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : given) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            if (!KEY_NAME.matcher(name).matches()) {
                throw new RunFailure(
                        RunFailure.USAGE,
                        "--" + option + " needs NAME=VALUE with a NAME of letters, digits, '.', '_' or '-', not '"
                                + name + "'.");
            }
            if (known != null && !known.containsKey(name)) {
                throw new RunFailure(
                        RunFailure.USAGE,
                        "--" + option + " names key '" + name + "', but no --key " + name + "=... was given. Add"
                                + " the key, or correct the name.");
            }
            if (known == null && value.isEmpty()) {
                throw new RunFailure(
                        RunFailure.USAGE,
                        "--key " + name + " needs a source: " + name + "=env:VAR, " + name + "=file:PATH or " + name
                                + "=stdin.");
            }
            if (pairs.put(name, value) != null) {
                throw new RunFailure(
                        RunFailure.USAGE, "--" + option + " is given twice for key '" + name + "'. Keep one.");
            }
        }
        return pairs;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
