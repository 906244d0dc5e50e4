package io.jenkins.plugins.apikey.cli;

import io.jenkins.plugins.apikey.mask.MaskingOutputStream;
import io.jenkins.plugins.apikey.mask.SecretMatcher;
import io.jenkins.plugins.apikey.mask.UnmaskableSecret;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import io.jenkins.plugins.apikey.preset.ServicePresets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mask}: copies standard input to standard output with every form of the secrets masked. */
@Command(
        name = "mask",
        header = "Copy standard input to standard output with secrets masked.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        synopsisHeading = "Usage: ",
        customSynopsis = "api-keys mask [OPTIONS] < input > output",
        description = {
            "",
            "Copies standard input to standard output, replacing every form of every secret with ****: the literal"
                    + " value, the lines of a multi-line secret that carry secret material, Base64 (also inside"
                    + " larger data such as HTTP Basic headers, line-wrapped, and Base64 of Base64), hexadecimal,"
                    + " percent-encoding, JSON, XML/HTML, shell quoting (set -x, printf %%q, declare -p, $'...'),"
                    + " PowerShell, Windows batch and $$ escaping, what bash and cmd.exe make of a secret used"
                    + " unquoted, and a UUID in upper case or without dashes. Colour sequences and the line breaks"
                    + " of wrapped Base64 inside a secret are skipped. Output flows as it arrives: nothing waits for"
                    + " a line end, bytes that could start a secret are held only until the next bytes decide them,"
                    + " and a start of a secret left at the end of the input is written unchanged.",
            "",
            "Secrets are read as bytes and must be UTF-8, whatever the locale. A secret that starts or ends with"
                    + " white space (a line end from $(cat file), a pasted space) is masked without it, with a"
                    + " warning; the log's own line ends are never masked away.",
            "",
            "Options:"
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:done, or --help or --version",
            "1:input or output failed",
            "2:bad options or secrets, reported before any input is read"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  katalonc -noSplash -runMode=console -apiKey=\"$KATALON_API_KEY\" 2>&1 \\",
            "    | api-keys mask --secret-env KATALON_API_KEY --preset KATALON_API_KEY=katalon",
            "",
            "  api-keys mask --secret-file /run/secrets/xray-secret --stats < build.log > build-masked.log"
        })
final class MaskCommand implements Callable<Integer> {

    private static final int BUFFER = 64 * 1024;

    @Option(
            names = "--secret-env",
            paramLabel = "NAME",
            description = {
                "Mask the value of environment variable NAME (repeatable; unset or empty is an error).",
                "Example: --secret-env KATALON_API_KEY"
            })
    List<String> secretEnvs = new ArrayList<>();

    @Option(
            names = "--secret-file",
            paramLabel = "PATH",
            description = {
                "Mask the whole content of the UTF-8 file at PATH, without one final line end (repeatable).",
                "Example: --secret-file /run/secrets/xray-secret"
            })
    List<String> secretFiles = new ArrayList<>();

    @Option(
            names = "--preset",
            paramLabel = "SECRET=PRESET",
            description = {
                "Also mask what preset PRESET derives from the secret of --secret-env SECRET (or --secret-file"
                        + " SECRET): katalon and katalon-onprem the HTTP Basic header value, katalo the secret part of"
                        + " the key.",
                "Example: --preset KATALO_API_KEY=katalo"
            })
    List<String> presets = new ArrayList<>();

    @Option(
            names = "--min-length",
            paramLabel = "N",
            defaultValue = "4",
            description = {
                "Leave forms shorter than N bytes unmasked (default ${DEFAULT-VALUE}); a shorter secret gets a"
                        + " warning.",
                "Example: --min-length 6"
            })
    int minLength;

    @Option(names = "--stats", description = "Print the number of masked occurrences to standard error.")
    boolean stats;

    @Option(
            names = "--console-notes",
            description = "Pass Jenkins console notes (ESC[8mha:...ESC[0m) through unchanged, masking around them.")
    boolean consoleNotes;

    private final Stdio stdio;
    private final Environment env;

    MaskCommand(Stdio stdio, Environment env) {
        this.stdio = stdio;
        this.env = env;
    }

    /**
     * Reads {@code args[from..]} without picocli when they are only this command's options, as
     * {@code --name value} or {@code --name=value}, the single-valued ones at most once. Start-up
     * matters for a filter put in front of every build step, and picocli's first command line
     * costs a quarter of a second and more of it (its model, proxies and converters), more than
     * compiling a thousand keys. Anything else (help, version, an unknown or repeated option, a
     * value that is empty or starts with {@code -} or {@code @}, argument files, a number picocli
     * might read otherwise) is left to picocli, so that its messages stay the only ones;
     * {@code MaskCommandTest} checks that both read the same.
     *
     * @return whether the options were read; false leaves this command unchanged
     */
    boolean readPlainOptions(String[] args, int from) {
        List<String> envs = new ArrayList<>();
        List<String> files = new ArrayList<>();
        List<String> presetPairs = new ArrayList<>();
        Integer length = null;
        boolean withStats = false;
        boolean withNotes = false;
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            switch (name) {
                case "--stats", "--console-notes" -> {
                    boolean repeated = name.equals("--stats") ? withStats : withNotes;
                    if (value != null || repeated) {
                        return false;
                    }
                    if (name.equals("--stats")) {
                        withStats = true;
                    } else {
                        withNotes = true;
                    }
                    continue;
                }
                case "--secret-env", "--secret-file", "--preset", "--min-length" -> {
                    if (value == null) {
                        if (i + 1 == args.length) {
                            return false;
                        }
                        value = args[++i];
                    }
                }
                default -> {
                    return false;
                }
            }
            if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
                return false;
            }
            switch (name) {
                case "--secret-env" -> envs.add(value);
                case "--secret-file" -> files.add(value);
                case "--preset" -> presetPairs.add(value);
                default -> {
                    if (length != null || !isPlainNumber(value)) {
                        return false;
                    }
                    length = Integer.parseInt(value);
                }
            }
        }
        secretEnvs = envs;
        secretFiles = files;
        presets = presetPairs;
        minLength = length == null ? SecretMatcher.DEFAULT_MIN_LENGTH : length;
        stats = withStats;
        consoleNotes = withNotes;
        return true;
    }

    /** Digits without a leading zero, few enough for an int: what every reading of a number agrees on. */
    private static boolean isPlainNumber(String value) {
        if (value.length() > 9 || (value.length() > 1 && value.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public Integer call() {
        List<byte[]> secrets = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        try {
            if (minLength < 1) {
                throw new UsageException("--min-length must be a whole number of at least 1, not " + minLength + ".");
            }
            Map<String, ServicePreset> byName = presets();
            for (String name : secretEnvs) {
                add(
                        SecretReader.bytesFromEnvironment(name, env),
                        "environment variable " + name,
                        byName.remove(name),
                        secrets,
                        sources);
            }
            for (String file : secretFiles) {
                add(SecretReader.bytesFromFile(file), "secret file " + file, byName.remove(file), secrets, sources);
            }
            if (!byName.isEmpty()) {
                throw new UsageException("--preset names " + String.join(", ", byName.keySet())
                        + ", which is not a --secret-env NAME or --secret-file PATH. Correct the name.");
            }
            if (secrets.isEmpty()) {
                throw new UsageException("Nothing to mask: give at least one --secret-env NAME or --secret-file PATH.");
            }
        } catch (UsageException e) {
            stdio.messages().println("mask: " + e.getMessage());
            return 2;
        }
        // the bytes as given, so that what is masked does not depend on any decoding
        SecretMatcher matcher = SecretMatcher.compileBytes(secrets, minLength);
        for (UnmaskableSecret unmaskable : matcher.unmaskable()) {
            stdio.messages().println("mask: warning: " + describe(unmaskable, sources.get(unmaskable.index())));
        }
        try {
            long masked = copy(matcher, stdio.in(), stdio.out());
            if (stats) {
                stdio.messages().println("mask: masked " + masked + (masked == 1 ? " occurrence" : " occurrences"));
            }
            return 0;
        } catch (IOException e) {
            stdio.messages().println("mask: input or output failed (" + Reasons.of(e) + ").");
            return 1;
        }
    }

    /**
     * The secret's bytes, without surrounding white space (with a warning), and what its preset
     * derives.
     */
    private void add(byte[] secret, String source, ServicePreset preset, List<byte[]> secrets, List<String> sources)
            throws UsageException {
        String text = SecretBytes.decode(secret, source);
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            throw new UsageException("The " + source + " holds only white space. Give it the secret's value.");
        }
        byte[] exact = secret;
        if (!stripped.equals(text)) {
            stdio.messages()
                    .println("mask: warning: the " + source + " starts or ends with white space (such as a line end"
                            + " from $(cat file)); it is masked without that white space.");
            int before = utf8Length(
                    text.substring(0, text.length() - text.stripLeading().length()));
            int after = utf8Length(text.substring(text.stripTrailing().length()));
            exact = Arrays.copyOfRange(secret, before, secret.length - after);
        }
        List<String> values = preset == null ? List.of(stripped) : preset.maskValues(KeyMaterial.of(stripped));
        for (String value : values) {
            boolean same = value.equals(stripped);
            secrets.add(same ? exact : value.getBytes(StandardCharsets.UTF_8));
            sources.add(same ? source : "value the " + source + " derives");
        }
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private Map<String, ServicePreset> presets() throws UsageException {
        Map<String, ServicePreset> byName = new LinkedHashMap<>();
        for (String pair : presets) {
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

    private long copy(SecretMatcher matcher, InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        MaskingOutputStream masking = matcher.newStream(out, consoleNotes);
        try (masking) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                masking.write(buffer, 0, read);
                if (in.available() == 0) {
                    masking.flush();
                }
            }
        }
        return masking.maskedCount();
    }

    private String describe(UnmaskableSecret unmaskable, String source) {
        return switch (unmaskable.reason()) {
            case TOO_SHORT ->
                "the " + source + " is shorter than " + minLength
                        + " bytes and will not be masked; lower --min-length or use a longer secret.";
            case SHORT_LINES ->
                "the " + source + " has lines shorter than " + minLength
                        + " bytes; they are masked only as part of the whole value.";
            case BLANK -> "the " + source + " is only white space and will not be masked.";
        };
    }
}
