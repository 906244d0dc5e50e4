package io.jenkins.plugins.apikey.cli;

import io.jenkins.plugins.apikey.mask.MaskingOutputStream;
import io.jenkins.plugins.apikey.mask.SecretMatcher;
import io.jenkins.plugins.apikey.mask.UnmaskableSecret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code mask}: copies standard input to standard output with every form of the secrets masked. */
final class MaskCommand {

    static final String HELP = """
            Usage: java -jar api-key-engine.jar mask [options] < input > output

            Copies standard input to standard output, replacing every form of every
            secret with ****: the literal value, the lines of a multi-line secret that
            carry secret material, Base64 (also inside larger data such as HTTP Basic
            headers, line-wrapped, and Base64 of Base64), hexadecimal, percent-encoding,
            JSON, XML/HTML, shell quoting (set -x, printf %q, declare -p, $'...'),
            PowerShell, Windows batch and $$ escaping, what bash and cmd.exe make of a
            secret used unquoted, and a UUID in upper case or without dashes. Colour
            sequences and the line breaks of wrapped Base64 inside a secret are
            skipped. Output flows as it arrives: nothing waits for a line end, bytes
            that could start a secret are held only until the next bytes decide them,
            and a start of a secret left at the end of the input is written unchanged.

            Options:
              --secret-env NAME   mask the value of environment variable NAME
                                  (repeatable; unset or empty is an error)
              --secret-file PATH  mask the whole content of the file at PATH, without
                                  one final line end (repeatable; must be UTF-8)
              --min-length N      leave forms shorter than N bytes unmasked (default 4);
                                  a secret shorter than N gets a warning
              --stats             print the number of masked occurrences to stderr
              --help              show this help

            Exit status: 0 done, 1 input or output failed, 2 bad options or secrets
            (reported before any input is read).

            Example:
              KATALON_API_KEY=... katalonc -noSplash -runMode=console \\
                  -apiKey="$KATALON_API_KEY" 2>&1 \\
                | java -jar api-key-engine.jar mask --secret-env KATALON_API_KEY
            """;

    private static final int BUFFER = 64 * 1024;

    private MaskCommand() {}

    static int run(String[] args, InputStream in, OutputStream out, PrintStream err, Map<String, String> env) {
        Options options;
        List<String> secrets = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        int minLength;
        try {
            options = Options.parse(args, Set.of("secret-env", "secret-file", "min-length"), Set.of("stats", "help"));
            if (options.has("help")) {
                err.print(HELP);
                return 0;
            }
            minLength = options.integer("min-length", SecretMatcher.DEFAULT_MIN_LENGTH, 1);
            for (String name : options.all("secret-env")) {
                secrets.add(SecretReader.fromEnvironment(name, env));
                sources.add("environment variable " + name);
            }
            for (String file : options.all("secret-file")) {
                secrets.add(SecretReader.fromFile(file));
                sources.add("secret file " + file);
            }
            if (secrets.isEmpty()) {
                throw new UsageException("Nothing to mask: give at least one --secret-env NAME or --secret-file PATH.");
            }
        } catch (UsageException e) {
            err.println("mask: " + e.getMessage());
            return 2;
        }
        SecretMatcher matcher = SecretMatcher.compile(secrets, minLength);
        for (UnmaskableSecret unmaskable : matcher.unmaskable()) {
            err.println("mask: warning: " + describe(unmaskable, sources.get(unmaskable.index()), minLength));
        }
        try {
            long masked = copy(matcher, in, out);
            if (options.has("stats")) {
                err.println("mask: masked " + masked + (masked == 1 ? " occurrence" : " occurrences"));
            }
            return 0;
        } catch (IOException e) {
            err.println("mask: input or output failed (" + e.getClass().getSimpleName() + ").");
            return 1;
        }
    }

    private static long copy(SecretMatcher matcher, InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        MaskingOutputStream masking = matcher.newStream(out);
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

    private static String describe(UnmaskableSecret unmaskable, String source, int minLength) {
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
