package io.jenkins.plugins.apikey.cli;

import io.jenkins.plugins.apikey.mask.UnmaskableSecret;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import io.jenkins.plugins.apikey.preset.ServicePresets;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The secrets of {@code mask} and {@code scan}: {@code --secret-env NAME}, {@code --secret-file
 * PATH} and {@code --preset SECRET=PRESET}, read as bytes, stripped of surrounding white space
 * with a warning, each with its preset when one was named.
 */
final class SecretInputs {

    /**
     * One secret as given.
     *
     * @param name the variable's name or the file's path
     * @param source how messages name it, such as "environment variable K"
     * @param preset the preset named for it, or null
     * @param value the secret, stripped of surrounding white space
     */
    record Secret(String name, String source, ServicePreset preset, String value) {
        @Override
        public String toString() {
            return "Secret[" + source + "]";
        }
    }

    private SecretInputs() {}

    /**
     * Reads the secrets; warnings go to {@code messages} after {@code command + ": warning: "} and
     * say that a secret is {@code used} (such as "masked") without its white space.
     *
     * @throws UsageException if a secret cannot be read or is blank, or a preset is unknown or names
     *     no secret
     */
    static List<Secret> read(
            List<String> envs,
            List<String> files,
            List<String> presets,
            Environment env,
            PrintStream messages,
            String command,
            String used)
            throws UsageException {
        Map<String, ServicePreset> byName = presets(presets);
        List<Secret> secrets = new ArrayList<>();
        for (String name : envs) {
            String source = "environment variable " + name;
            secrets.add(secret(name, source, SecretReader.fromEnvironment(name, env), byName, messages, command, used));
        }
        for (String file : files) {
            String source = "secret file " + file;
            secrets.add(secret(file, source, SecretReader.fromFile(file), byName, messages, command, used));
        }
        if (!byName.isEmpty()) {
            throw new UsageException("--preset names " + String.join(", ", byName.keySet())
                    + ", which is not a --secret-env NAME or --secret-file PATH. Correct the name.");
        }
        return secrets;
    }

    /**
     * Why a secret cannot be {@code used} (such as "masked") in full, as a warning that names its
     * source; {@code fix} says what to do about a secret that is too short.
     */
    static String describe(UnmaskableSecret.Reason reason, String source, int minLength, String used, String fix) {
        return switch (reason) {
            case TOO_SHORT ->
                "the " + source + " is shorter than " + minLength + " bytes and will not be " + used + "; " + fix + ".";
            case SHORT_LINES ->
                "the " + source + " has lines shorter than " + minLength + " bytes; they are " + used
                        + " only as part of the whole value.";
            case BLANK -> "the " + source + " is only white space and will not be " + used + ".";
        };
    }

    private static Secret secret(
            String name,
            String source,
            String secret,
            Map<String, ServicePreset> byName,
            PrintStream messages,
            String command,
            String used)
            throws UsageException {
        String stripped = secret.strip();
        if (stripped.isEmpty()) {
            throw new UsageException("The " + source + " holds only white space. Give it the secret's value.");
        }
        if (!stripped.equals(secret)) {
            messages.println(command + ": warning: the " + source + " starts or ends with white space (such as a line"
                    + " end from $(cat file)); it is " + used + " without that white space.");
        }
        return new Secret(name, source, byName.remove(name), stripped);
    }

    private static Map<String, ServicePreset> presets(List<String> pairs) throws UsageException {
        Map<String, ServicePreset> byName = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.lastIndexOf('=');
            if (equals <= 0) {
                throw new UsageException(
                        "--preset needs SECRET=PRESET, such as KATALON_API_KEY=katalon, not '" + pair + "'.");
            }
            String id = pair.substring(equals + 1);
            ServicePreset preset = ServicePresets.byId(id)
                    .orElseThrow(() -> new UsageException("Unknown preset '" + id + "'. Use one of "
                            + ServicePresets.all().stream()
                                    .map(ServicePreset::id)
                                    .collect(Collectors.joining(", "))
                            + "."));
            byName.put(pair.substring(0, equals), preset);
        }
        return byName;
    }
}
