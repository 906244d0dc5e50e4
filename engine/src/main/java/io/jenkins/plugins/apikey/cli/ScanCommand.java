package io.jenkins.plugins.apikey.cli;

import io.jenkins.plugins.apikey.EngineMessages;
import io.jenkins.plugins.apikey.mask.SecretMatcher;
import io.jenkins.plugins.apikey.mask.UnmaskableSecret;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePresets;
import io.jenkins.plugins.apikey.scan.KeyRegistry;
import io.jenkins.plugins.apikey.scan.KnownKey;
import io.jenkins.plugins.apikey.scan.LeakScanner;
import io.jenkins.plugins.apikey.scan.LeakVerifier;
import io.jenkins.plugins.apikey.scan.ReportFormat;
import io.jenkins.plugins.apikey.scan.ReportWriter;
import io.jenkins.plugins.apikey.scan.ScanSummary;
import io.jenkins.plugins.apikey.scan.TreeScan;
import io.jenkins.plugins.apikey.verify.KeyVerifier;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scan}: finds keys in files and directories, known ones in every form and unknown ones by shape. */
@Command(
        name = "scan",
        header = "Find keys that leaked into build logs, job configurations, Jenkinsfiles and other files.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        synopsisHeading = "Usage: ",
        customSynopsis = {
            "api-keys scan [--secret-env VAR]... [--secret-file PATH]... [--preset SECRET=PRESET]...",
            "              [--format text|json|sarif] [--output FILE] [--redact]",
            "              [--verify [--verify-url PRESET=URL]...] PATH..."
        },
        description = {
            "",
            "Reads each PATH (a file, or a directory with every regular file below it) and reports every key it"
                    + " finds, one per line: path:line:column: rule form hint. Known keys (--secret-env,"
                    + " --secret-file) are found in every form that mask masks: plain, Base64 (also inside HTTP Basic"
                    + " headers), percent-encoding, JSON, XML, shell quoting, hexadecimal and the rest; their rule is"
                    + " the variable's name or the file's path. Keys nobody passed in are found by the shapes of the"
                    + " presets: a Katalon key (a UUID) after -apiKey=, -apikey= or -apiKeyOnPremise=, in"
                    + " KATALON_API_KEY=, apiKey: or \"apikey\": settings or in an HTTP Basic header; a Katalo"
                    + " kat_live_ key; an Xray client secret (64 hexadecimal digits) on the line or in the JSON or"
                    + " YAML object of a client id. Their rule is the preset. No output shows any key or any form of"
                    + " one: the hint is the preset's (the last four characters, a client id, a public key id).",
            "",
            "Jenkins build logs with console notes, gzip files (log.gz, decompressed by their content), config.xml,"
                    + " Jenkinsfiles and any other text are read; files with a NUL byte in their first 8 KiB are"
                    + " skipped as binary. Symbolic links below a directory are not followed (what they point to is"
                    + " scanned where it is, inside the tree). A file that cannot be read is reported, and the scan"
                    + " goes on. Lines and columns count from 1, columns in bytes (in SARIF, in UTF-16 code units, as"
                    + " SARIF counts them).",
            "",
            "Options:"
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:nothing was found",
            "1:keys were found (also with --redact)",
            "2:nothing was found, but something went wrong: a path that does not exist, a file that cannot be read"
                    + " or redacted, bad options"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  api-keys scan --secret-env KATALON_API_KEY --preset KATALON_API_KEY=katalon \\",
            "      $JENKINS_HOME/jobs",
            "  jobs/nightly/builds/41/log:212:37: KATALON_API_KEY base64 …1d07",
            "  jobs/nightly/config.xml:18:42: katalon plain …9c2e",
            "",
            "  api-keys scan --format sarif --output leaks.sarif .",
            "  api-keys scan --secret-file /run/secrets/xray-secret --redact $JENKINS_HOME/jobs"
        })
final class ScanCommand implements Callable<Integer> {

    /** Exit status when keys were found. */
    static final int FOUND = 1;
    /** Exit status when nothing was found but something went wrong. */
    static final int TROUBLE = 2;

    @Option(
            names = "--secret-env",
            paramLabel = "VAR",
            description = {
                "Look for the value of environment variable VAR in every form (repeatable; unset or empty is an"
                        + " error). Findings name it VAR.",
                "Example: --secret-env KATALON_API_KEY"
            })
    List<String> secretEnvs = new ArrayList<>();

    @Option(
            names = "--secret-file",
            paramLabel = "PATH",
            description = {
                "Look for the whole content of the UTF-8 file at PATH, without one final line end, in every form"
                        + " (repeatable). Findings name it PATH.",
                "Example: --secret-file /run/secrets/xray-secret"
            })
    List<String> secretFiles = new ArrayList<>();

    @Option(
            names = "--preset",
            paramLabel = "SECRET=PRESET",
            description = {
                "The preset of the secret of --secret-env SECRET (or --secret-file SECRET): its hint, what it derives"
                        + " (katalon: the HTTP Basic header value) and, with --verify, its verifier. Default generic.",
                "Example: --preset KATALON_API_KEY=katalon"
            })
    List<String> presets = new ArrayList<>();

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            completionCandidates = CompletionValues.ReportFormats.class,
            defaultValue = "text",
            description = {
                "text (default): one line per key; json: one array with an object per key; sarif: SARIF 2.1.0, for"
                        + " GitHub code scanning and the Jenkins Warnings plugin.",
                "Example: --format sarif"
            })
    String format;

    @Option(
            names = "--output",
            paramLabel = "FILE",
            description = {
                "Write the report to FILE instead of standard output; FILE itself is not scanned.",
                "Example: --output leaks.sarif"
            })
    Path output;

    @Option(
            names = "--redact",
            description = "Rewrite each file with findings, every finding replaced by **** (console notes and every"
                    + " other byte kept), atomically, keeping the file's mode and owner; print what changed.")
    boolean redact;

    @Option(
            names = "--verify",
            description = "Ask each key's service whether each key found works, once per key, and mark every"
                    + " finding live, dead or unknown. Off by default: it sends the keys found to their services.")
    boolean verify;

    @Option(
            names = "--verify-url",
            paramLabel = "PRESET=URL",
            description = {
                "With --verify: verify keys of PRESET at URL instead of the service's own server (repeatable);"
                        + " katalon-onprem keys are verified only at such a URL.",
                "Example: --verify-url katalon-onprem=https://testops.example.com"
            })
    List<String> verifyUrls = new ArrayList<>();

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files and directories to scan.")
    List<Path> paths = new ArrayList<>();

    private final Stdio stdio;
    private final Environment env;

    ScanCommand(Stdio stdio, Environment env) {
        this.stdio = stdio;
        this.env = env;
    }

    @Override
    public Integer call() {
        ReportFormat reportFormat;
        List<KnownKey> known = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        Map<String, URI> urls;
        try {
            reportFormat = reportFormat();
            urls = verifyUrls();
            for (SecretInputs.Secret secret :
                    SecretInputs.read(secretEnvs, secretFiles, presets, env, stdio.messages(), "scan", "looked for")) {
                known.add(new KnownKey(
                        secret.name(),
                        secret.preset() == null ? ServicePresets.GENERIC : secret.preset(),
                        KeyMaterial.of(secret.value())));
                sources.add(secret.source());
            }
        } catch (UsageException e) {
            stdio.messages().println("scan: " + e.getMessage());
            return TROUBLE;
        }
        LeakScanner scanner = new LeakScanner(known, ServicePresets.all());
        for (UnmaskableSecret unfindable : scanner.unfindable()) {
            String source =
                    "environment variable " + known.get(unfindable.index()).name();
            if (unfindable.index() >= secretEnvs.size()) {
                source = "secret file " + known.get(unfindable.index()).name();
            }
            stdio.messages()
                    .println("scan: warning: "
                            + SecretInputs.describe(
                                    unfindable.reason(),
                                    source,
                                    SecretMatcher.DEFAULT_MIN_LENGTH,
                                    "looked for",
                                    "use a longer secret"));
        }
        KeyRegistry keys = new KeyRegistry(
                verify
                        ? new LeakVerifier(new KeyVerifier(HttpClient.newBuilder(), KeyVerifier.DEFAULT_TIMEOUT), urls)
                        : null);
        return scan(scanner, keys, reportFormat);
    }

    private int scan(LeakScanner scanner, KeyRegistry keys, ReportFormat reportFormat) {
        OutputStream out = stdio.out();
        Set<Path> excluded = Set.of();
        try {
            if (output != null) {
                out = new BufferedOutputStream(Files.newOutputStream(output), 64 * 1024);
                excluded = Set.of(output.toRealPath());
            }
        } catch (IOException e) {
            stdio.messages()
                    .println("scan: The report cannot be written to " + output + " (" + EngineMessages.reason(e)
                            + "). Give a file in a writable directory.");
            return TROUBLE;
        }
        try {
            ReportWriter writer = reportFormat.open(out, VersionProvider.version());
            ScanPrinter printer = new ScanPrinter(writer, redact, stdio.messages());
            ScanSummary summary = new TreeScan(scanner, keys).run(paths, excluded, printer);
            writer.finish(summary);
            if (output != null) {
                out.close();
            }
            printer.summary(summary);
            if (summary.leaks() > 0) {
                return FOUND;
            }
            return summary.problems() > 0 || printer.troubled() ? TROUBLE : 0;
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
            stdio.messages()
                    .println("scan: The report could not be written (" + EngineMessages.reason(cause)
                            + "). Check the space and permissions where it goes.");
            return TROUBLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stdio.messages().println("scan: interrupted; the report is incomplete.");
            return TROUBLE;
        }
    }

    private ReportFormat reportFormat() throws UsageException {
        try {
            return ReportFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("Unknown --format '" + format + "'. Use text, json or sarif.");
        }
    }

    private Map<String, URI> verifyUrls() throws UsageException {
        if (!verify && !verifyUrls.isEmpty()) {
            throw new UsageException("--verify-url applies only with --verify. Add --verify, or leave it out.");
        }
        Map<String, URI> urls = new LinkedHashMap<>();
        for (String pair : verifyUrls) {
            int equals = pair.indexOf('=');
            String id = equals < 0 ? pair : pair.substring(0, equals);
            URI url = equals < 0 ? null : KeyInputs.httpUrl(pair.substring(equals + 1));
            if (ServicePresets.byId(id).isEmpty() || url == null) {
                throw new UsageException("--verify-url needs PRESET=URL with a known preset and an absolute http or"
                        + " https URL, such as katalon-onprem=https://testops.example.com, not '" + pair + "'.");
            }
            urls.put(id, url);
        }
        return urls;
    }
}
