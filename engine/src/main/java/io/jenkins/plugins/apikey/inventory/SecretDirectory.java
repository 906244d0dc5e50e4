package io.jenkins.plugins.apikey.inventory;

import io.jenkins.plugins.apikey.preset.Finding;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import io.jenkins.plugins.apikey.preset.ServicePresets;
import io.jenkins.plugins.apikey.secret.SecretText;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads API keys from a directory of files, the way Docker and Kubernetes secrets and systemd
 * credentials are mounted: the file name is the credentials id, the content is the key, and an
 * optional sidecar {@code <id>.properties} or {@code <id>.yaml} gives {@code service},
 * {@code description}, {@code folder} and, for client credentials, {@code clientId}. Hidden
 * files (such as Kubernetes' {@code ..data}) are skipped. Every file that cannot be used is
 * reported with the reason, never with its content.
 */
public final class SecretDirectory {

    /** Larger files are not keys. */
    static final int MAX_FILE_SIZE = 64 * 1024;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final List<String> SIDECARS = List.of(".properties", ".yaml", ".yml");
    private static final Set<String> SETTINGS = Set.of("service", "description", "folder", "clientId");
    private static final Pattern YAML_LINE = Pattern.compile("([A-Za-z]+)\\s*:\\s*(.*?)\\s*");

    private SecretDirectory() {}

    /**
     * A usable key. {@link #toString()} shows no secret.
     *
     * @param id the credentials id: the file name
     * @param preset the service preset
     * @param description the description, possibly empty
     * @param folder the full name of the folder it is limited to, or {@code null} for everywhere
     * @param clientId the client id of client credentials, else {@code null}
     * @param secret the key (client credentials: the secret)
     */
    public record Entry(
            String id, ServicePreset preset, String description, String folder, String clientId, String secret) {
        @Override
        public String toString() {
            return "Entry[" + id + ", " + preset.id() + ", folder=" + folder + "]";
        }
    }

    /**
     * A file that cannot be used, and why.
     *
     * @param file the file's name
     * @param reason what is wrong and how to fix it
     */
    public record Problem(String file, String reason) {}

    /** The usable keys and the problems of one read of the directory. */
    public record Scan(List<Entry> entries, List<Problem> problems) {}

    /** Reads {@code directory}. */
    public static Scan scan(Path directory) {
        List<Entry> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            problems.add(new Problem(
                    directory.toString(), "is not a directory. Check the path in the global configuration."));
            return new Scan(entries, problems);
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(path -> !path.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(new Problem(
                    directory.toString(),
                    "cannot be listed (" + e.getClass().getSimpleName()
                            + "). Check that Jenkins may read the directory."));
            return new Scan(entries, problems);
        }
        for (Path file : files) {
            String name = String.valueOf(file.getFileName());
            if (isSidecar(name)) {
                if (!Files.exists(directory.resolve(baseName(name)))) {
                    problems.add(new Problem(name, "is a settings file without a key file " + baseName(name) + "."));
                }
                continue;
            }
            if (!Files.isRegularFile(file)) {
                if (Files.isSymbolicLink(file) && !Files.exists(file)) {
                    problems.add(
                            new Problem(name, "is a link to a file that does not exist. Fix the mount or the link."));
                }
                continue;
            }
            try {
                entries.add(read(directory, file, name));
            } catch (InvalidFile e) {
                problems.add(new Problem(name, e.getMessage()));
            }
        }
        return new Scan(entries, problems);
    }

    private static Entry read(Path directory, Path file, String id) throws InvalidFile {
        if (!ID.matcher(id).matches()) {
            throw new InvalidFile(
                    "is not a valid credentials id. Name the file with letters, digits, '.', '_' or '-'.");
        }
        String secret = content(file);
        Map<String, String> settings = sidecar(directory, id);
        ServicePreset preset = ServicePresets.GENERIC;
        if (settings.containsKey("service")) {
            preset = ServicePresets.byId(settings.get("service"))
                    .orElseThrow(() -> new InvalidFile("names an unknown service in its settings. Use katalon,"
                            + " katalon-onprem, xray, katalo or generic."));
        }
        String clientId = settings.get("clientId");
        if (preset.isClientCredentials() && (clientId == null || clientId.isBlank())) {
            throw new InvalidFile("is for " + preset.displayName() + ", which needs clientId in its settings file.");
        }
        for (Finding finding : preset.checkKey(secret)) {
            if (finding.isError()) {
                throw new InvalidFile("cannot be used: " + finding.message());
            }
        }
        String folder = settings.get("folder");
        return new Entry(
                id,
                preset,
                settings.getOrDefault("description", ""),
                folder == null || folder.isBlank() ? null : folder.strip(),
                clientId,
                secret);
    }

    private static String content(Path file) throws InvalidFile {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_SIZE) {
                throw new InvalidFile("is larger than " + MAX_FILE_SIZE / 1024 + " KiB, too large to be a key.");
            }
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new InvalidFile("cannot be read: permission denied. Let the Jenkins user read it.");
        } catch (IOException e) {
            throw new InvalidFile("cannot be read (" + e.getClass().getSimpleName() + ").");
        }
        String text;
        try {
            text = SecretText.fromFileBytes(bytes);
        } catch (CharacterCodingException e) {
            throw new InvalidFile("is not UTF-8 text. Store the key as UTF-8.");
        }
        if (text.isEmpty()) {
            throw new InvalidFile("is empty. Put the key in it.");
        }
        return text;
    }

    private static Map<String, String> sidecar(Path directory, String id) throws InvalidFile {
        for (String suffix : SIDECARS) {
            Path sidecar = directory.resolve(id + suffix);
            if (Files.isRegularFile(sidecar)) {
                String text;
                try {
                    text = Files.readString(sidecar, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new InvalidFile("has a settings file " + id + suffix + " that cannot be read.");
                }
                Map<String, String> settings =
                        suffix.equals(".properties") ? properties(text, id + suffix) : yaml(text, id + suffix);
                for (String key : settings.keySet()) {
                    if (!SETTINGS.contains(key)) {
                        throw new InvalidFile("has an unknown setting '" + key + "' in " + id + suffix
                                + ". Use service, description, folder or clientId.");
                    }
                }
                return settings;
            }
        }
        return Map.of();
    }

    private static Map<String, String> properties(String text, String file) throws InvalidFile {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidFile("has a settings file " + file + " that is not a valid properties file.");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        properties
                .stringPropertyNames()
                .forEach(name -> settings.put(name, properties.getProperty(name).strip()));
        return settings;
    }

    /** The flat {@code key: value} subset of YAML that a sidecar needs. */
    private static Map<String, String> yaml(String text, String file) throws InvalidFile {
        Map<String, String> settings = new LinkedHashMap<>();
        int number = 0;
        for (String line : text.lines().toList()) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.equals("---")) {
                continue;
            }
            Matcher match = YAML_LINE.matcher(line);
            if (!match.matches()) {
                throw new InvalidFile("has a settings file " + file + " whose line " + number
                        + " is not 'name: value'. Only flat settings are supported.");
            }
            settings.put(match.group(1), unquote(match.group(2)));
        }
        return settings;
    }

    private static String unquote(String value) {
        if (value.length() >= 2
                && ((value.startsWith("\"") && value.endsWith("\""))
                        || (value.startsWith("'") && value.endsWith("'")))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static boolean isSidecar(String name) {
        return SIDECARS.stream().anyMatch(name::endsWith);
    }

    private static String baseName(String sidecar) {
        return sidecar.substring(0, sidecar.lastIndexOf('.'));
    }

    /** A file that cannot be used; the message says why, never what it holds. */
    private static final class InvalidFile extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidFile(String message) {
            super(message);
        }
    }
}
