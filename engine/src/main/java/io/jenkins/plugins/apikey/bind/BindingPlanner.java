package io.jenkins.plugins.apikey.bind;

import io.jenkins.plugins.apikey.EngineMessages;
import io.jenkins.plugins.apikey.exchange.XrayRegion;
import io.jenkins.plugins.apikey.preset.Finding;
import io.jenkins.plugins.apikey.preset.KatalonPreset;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns binding requests into a {@link BindingPlan}: a pure function of the keys and options, so
 * that the Jenkins step, the freestyle wrapper, the agent property and the command line all bind
 * alike.
 */
public final class BindingPlanner {

    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final List<BindingPlan.Variable> variables = new ArrayList<>();
    private final Map<String, KeyLabel> variableOwners = new LinkedHashMap<>();
    private final List<BindingPlan.PlannedFile> files = new ArrayList<>();
    private final List<BindingPlan.PlannedExchange> exchanges = new ArrayList<>();
    private final List<String> maskValues = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private BindingPlanner() {}

    /**
     * Plans {@code requests} in order.
     *
     * @throws BindingException if a key fails its preset's checks, a variable name is invalid or
     *     used twice, or an option does not fit the key's service
     */
    public static BindingPlan plan(List<BindingRequest> requests) throws BindingException {
        BindingPlanner planner = new BindingPlanner();
        int number = 1;
        for (BindingRequest request : requests) {
            planner.add(request, number++);
        }
        return new BindingPlan(
                planner.variables, planner.files, planner.exchanges, planner.maskValues, planner.warnings);
    }

    /** Whether {@code name} can be an environment variable name on every platform. */
    public static boolean isValidVariableName(String name) {
        return name != null && VARIABLE_NAME.matcher(name).matches();
    }

    private void add(BindingRequest request, int number) throws BindingException {
        ServicePreset preset = request.preset();
        KeyMaterial material = request.material();
        BindingOptions options = request.options() == null ? BindingOptions.defaults() : request.options();
        KeyLabel label = request.label();
        for (Finding finding : preset.check(material)) {
            if (finding.isError()) {
                throw new BindingException(EngineMessages.keyRefused(label, finding.message()));
            }
            warnings.add(EngineMessages.keyWarning(label, finding.message()));
        }
        String key = material.key().strip();
        maskValues.addAll(preset.maskValues(new KeyMaterial(key, material.clientId(), material.serverUrl())));

        variable(label, orDefault(options.keyVariable(), preset.keyVariable()), key, true);
        if (preset.isClientCredentials()) {
            variable(
                    label,
                    orDefault(
                            options.clientIdVariable(),
                            preset.clientIdVariable().orElseThrow()),
                    material.clientId().strip(),
                    false);
        } else if (options.clientIdVariable() != null) {
            throw new BindingException(EngineMessages.optionNotForService(
                    label, KeyLabel.Option.CLIENT_ID_VARIABLE, preset.displayName()));
        }
        arguments(request, preset, options, key);
        if (options.keyFile() != null) {
            String variable = orDefault(options.keyFile().variable(), preset.keyVariable() + "_FILE");
            file(label, variable, number + "/key", key);
        }
        if (options.agentConfig() != null) {
            agentConfig(label, preset, material, options.agentConfig(), key, number);
        }
        if (options.token() != null) {
            if (!preset.isClientCredentials()) {
                throw new BindingException(EngineMessages.optionNotForService(
                        label, KeyLabel.Option.EXCHANGE_TOKEN, preset.displayName()));
            }
            String variable = checkedName(label, orDefault(options.token().variable(), "XRAY_TOKEN"));
            URI baseUrl = options.token().baseUrl() == null
                    ? XrayRegion.GLOBAL.baseUrl()
                    : options.token().baseUrl();
            claim(label, variable);
            exchanges.add(new BindingPlan.PlannedExchange(
                    variable, label, baseUrl, material.clientId().strip(), key));
        }
    }

    private void arguments(BindingRequest request, ServicePreset preset, BindingOptions options, String key)
            throws BindingException {
        List<String> arguments = preset.consoleArguments(new KeyMaterial(
                key, request.material().clientId(), request.material().serverUrl()));
        if (arguments.isEmpty()) {
            if (options.argumentsVariable() != null) {
                throw new BindingException(EngineMessages.optionNotForService(
                        request.label(), KeyLabel.Option.ARGUMENTS_VARIABLE, preset.displayName()));
            }
            return;
        }
        String joined = String.join(" ", arguments);
        variable(
                request.label(),
                orDefault(
                        options.argumentsVariable(), preset.argumentsVariable().orElseThrow()),
                joined,
                true);
        maskValues.add(joined);
    }

    private void agentConfig(
            KeyLabel label,
            ServicePreset preset,
            KeyMaterial material,
            BindingOptions.AgentConfig config,
            String key,
            int number)
            throws BindingException {
        if (preset.argumentsVariable().isEmpty()) {
            throw new BindingException(
                    EngineMessages.optionNotForService(label, KeyLabel.Option.AGENT_CONFIG, preset.displayName()));
        }
        String serverUrl = config.serverUrl() != null && !config.serverUrl().isBlank()
                ? config.serverUrl()
                : material.serverUrl() != null ? material.serverUrl() : KatalonPreset.CLOUD_SERVER_URL;
        String content = AgentConfigFile.render(key, serverUrl, config);
        file(label, orDefault(config.variable(), "KATALON_AGENT_CONFIG"), number + "/agentconfig", content);
        maskValues.add(AgentConfigFile.keyLine(key));
    }

    private void file(KeyLabel label, String variable, String relativePath, String content) throws BindingException {
        claim(label, checkedName(label, variable));
        files.add(new BindingPlan.PlannedFile(variable, relativePath, content.getBytes(StandardCharsets.UTF_8)));
    }

    private void variable(KeyLabel label, String name, String value, boolean sensitive) throws BindingException {
        claim(label, checkedName(label, name));
        variables.add(new BindingPlan.Variable(name, value, sensitive));
    }

    private static String checkedName(KeyLabel label, String name) throws BindingException {
        if (!isValidVariableName(name)) {
            throw new BindingException(EngineMessages.invalidVariableName(label, name));
        }
        return name;
    }

    private void claim(KeyLabel label, String name) throws BindingException {
        KeyLabel owner = variableOwners.putIfAbsent(name, label);
        if (owner != null) {
            throw new BindingException(EngineMessages.variableBoundTwice(name, owner, label));
        }
    }

    private static String orDefault(String given, String fallback) {
        return given == null || given.isBlank() ? fallback : given.strip();
    }
}
