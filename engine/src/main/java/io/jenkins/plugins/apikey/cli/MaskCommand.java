package io.jenkins.plugins.apikey.cli;

import io.jenkins.plugins.apikey.EngineMessages;
import io.jenkins.plugins.apikey.mask.MaskingPipeline;
import io.jenkins.plugins.apikey.mask.SecretMatcher;
import io.jenkins.plugins.apikey.mask.UnmaskableSecret;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
        List<String> secrets = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        try {
            if (minLength < 1) {
                throw new UsageException("--min-length must be a whole number of at least 1, not " + minLength + ".");
            }
            for (SecretInputs.Secret secret :
                    SecretInputs.read(secretEnvs, secretFiles, presets, env, stdio.messages(), "mask", "masked")) {
                List<String> values = secret.preset() == null
                        ? List.of(secret.value())
                        : secret.preset().maskValues(KeyMaterial.of(secret.value()));
                for (String value : values) {
                    secrets.add(value);
                    sources.add(
                            value.equals(secret.value())
                                    ? secret.source()
                                    : "value the " + secret.source() + " derives");
                }
            }
            if (secrets.isEmpty()) {
                throw new UsageException("Nothing to mask: give at least one --secret-env NAME or --secret-file PATH.");
            }
        } catch (UsageException e) {
            stdio.messages().println("mask: " + e.getMessage());
            return 2;
        }
        // strictly decoded UTF-8, so each value's UTF-8 bytes are exactly the bytes given
        SecretMatcher matcher = SecretMatcher.compile(secrets, minLength);
        for (UnmaskableSecret unmaskable : matcher.unmaskable()) {
            stdio.messages()
                    .println("mask: warning: "
                            + SecretInputs.describe(
                                    unmaskable.reason(),
                                    sources.get(unmaskable.index()),
                                    minLength,
                                    "masked",
                                    "lower --min-length or use a longer secret"));
        }
        try {
            long masked = copy(matcher, stdio.in(), stdio.out());
            if (stats) {
                stdio.messages().println("mask: masked " + masked + (masked == 1 ? " occurrence" : " occurrences"));
            }
            return 0;
        } catch (IOException e) {
            stdio.messages().println("mask: input or output failed (" + EngineMessages.reason(e) + ").");
            return 1;
        }
    }

    private long copy(SecretMatcher matcher, InputStream in, OutputStream out) throws IOException {
        return new MaskingPipeline(matcher, consoleNotes).copy(in, out);
    }
}
