package io.jenkins.plugins.apikey.cli;

import io.jenkins.plugins.apikey.bind.KeyLabel;
import io.jenkins.plugins.apikey.exchange.XrayRegion;
import io.jenkins.plugins.apikey.preset.Finding;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import io.jenkins.plugins.apikey.preset.ServicePresets;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The keys of {@link KeyOptions}, as {@code run} and {@code verify} take them: checks that every
 * option names a key, reads each key once from its source, and checks it against its preset, with
 * messages that name the key and its source, never the value.
 */
final class KeyInputs {

    private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    /**
     * One key as given: its name and where it came from, its preset and its values.
     *
     * @param label the user's name for the key and where it was read from, such as {@code env:KATALON_API_KEY}
     * @param preset its preset
     * @param material its values
     */
    record KeyInput(KeyLabel label, ServicePreset preset, KeyMaterial material) {}

    private final Map<String, String> sources;
    private final Map<String, String> presets;
    private final Map<String, String> clientIds;
    private final Map<String, String> serverUrls;

    private KeyInputs(
            Map<String, String> sources,
            Map<String, String> presets,
            Map<String, String> clientIds,
            Map<String, String> serverUrls) {
        this.sources = sources;
        this.presets = presets;
        this.clientIds = clientIds;
        this.serverUrls = serverUrls;
    }

    /**
     * Checks that the options make sense together, without reading any key yet; with {@code
     * noKeys}, giving no key at all is an error with that message.
     */
    static KeyInputs parse(KeyOptions options, String noKeys) throws RunFailure {
        Map<String, String> sources = pairs(options.keys, "key", null);
        if (sources.isEmpty() && noKeys != null) {
            throw new RunFailure(RunFailure.USAGE, noKeys);
        }
        KeyInputs inputs = new KeyInputs(
                sources,
                pairs(options.presets, "preset", sources.keySet()),
                pairs(options.clientIds, "client-id", sources.keySet()),
                pairs(options.serverUrls, "server-url", sources.keySet()));
        long fromStdin = sources.values().stream().filter("stdin"::equals).count()
                + inputs.clientIds.values().stream().filter("stdin"::equals).count();
        if (fromStdin > 1) {
            throw new RunFailure(
                    RunFailure.USAGE, "Only one key can come from standard input; give the others with env: or file:.");
        }
        return inputs;
    }

    /** The names of the keys given, in order. */
    Collection<String> names() {
        return sources.keySet();
    }

    /** Reads and checks every key: an error stops with status 65; warnings are added to {@code warnings}. */
    List<KeyInput> read(Environment env, InputStream stdin, List<String> warnings) throws RunFailure {
        List<KeyInput> keys = new ArrayList<>();
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
            KeyMaterial material = new KeyMaterial(key, clientId, serverUrls.get(name));
            KeyLabel label = KeyLabel.commandLine(name, source.getValue());
            check(label.sentenceStart(), preset, material, warnings);
            keys.add(new KeyInput(label, preset, material));
        }
        return keys;
    }

    /** Checks a key the way its preset does: errors stop with status 65, warnings are collected. */
    static void check(String label, ServicePreset preset, KeyMaterial material, List<String> warnings)
            throws RunFailure {
        for (Finding finding : preset.check(material)) {
            if (finding.isError()) {
                throw new RunFailure(RunFailure.INVALID_KEY, label + " cannot be used: " + finding.message());
            }
            warnings.add(label + ": " + finding.message());
        }
    }

    /** The Xray Cloud base URL of {@code --xray-url} or {@code --xray-region}, or {@code null}. */
    static URI xrayUrl(KeyOptions options) throws RunFailure {
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
        URI url = httpUrl(options.xrayUrl);
        if (url != null) {
            return url;
        }
        throw new RunFailure(
                RunFailure.USAGE,
                "--xray-url '" + options.xrayUrl + "' is not an absolute http or https URL. Give the base URL, such"
                        + " as https://xray.cloud.getxray.app.");
    }

    /** {@code value} as an absolute http or https URL with a host, or {@code null} when it is not one. */
    static URI httpUrl(String value) {
        try {
            URI url = new URI(value);
            return url.isAbsolute()
                            && url.getHost() != null
                            && List.of("http", "https").contains(url.getScheme())
                    ? url
                    : null;
        } catch (URISyntaxException e) {
            return null;
        }
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
    static Map<String, String> pairs(List<String> given, String option, Collection<String> known) throws RunFailure {
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
            if (known != null && !known.contains(name)) {
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
}
