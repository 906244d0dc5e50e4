package io.jenkins.plugins.apikey.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where a key comes from: {@code env:VAR}, {@code file:PATH} or {@code stdin} (one line); a client
 * id may also be given as {@code value:TEXT}, since it is not secret. Messages name the source,
 * never the value.
 */
final class KeySource {

    private KeySource() {}

    /** Reads {@code source}; {@code allowValue} permits {@code value:} for non-secret values. */
    static String read(String source, boolean allowValue, Map<String, String> env, InputStream stdin)
            throws RunFailure {
        try {
            if (source.startsWith("env:")) {
                return SecretReader.fromEnvironment(source.substring(4), env);
            }
            if (source.startsWith("file:")) {
                return SecretReader.fromFile(source.substring(5));
            }
        } catch (UsageException e) {
            throw new RunFailure(RunFailure.NO_INPUT, e.getMessage());
        }
        if (source.equals("stdin")) {
            return firstLine(stdin);
        }
        if (allowValue && source.startsWith("value:") && source.length() > 6) {
            return source.substring(6);
        }
        throw new RunFailure(
                RunFailure.USAGE,
                "'" + source + "' is not a key source. Use env:VARIABLE, file:PATH or stdin"
                        + (allowValue ? ", or value:TEXT for a client id." : "."));
    }

    /** The first line of {@code stdin}, read byte by byte so the rest stays for the command. */
    private static String firstLine(InputStream stdin) throws RunFailure {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = stdin.read()) >= 0 && b != '\n') {
                line.write(b);
            }
        } catch (IOException e) {
            throw new RunFailure(RunFailure.NO_INPUT, "Standard input could not be read for the key.");
        }
        String text = line.toString(StandardCharsets.UTF_8);
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            throw new RunFailure(
                    RunFailure.NO_INPUT, "The key from standard input is empty. Pipe the key in, one line.");
        }
        return text;
    }
}
