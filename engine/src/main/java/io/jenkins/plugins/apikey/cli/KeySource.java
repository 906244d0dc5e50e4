package io.jenkins.plugins.apikey.cli;

import io.jenkins.plugins.apikey.EngineMessages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Where a key comes from: {@code env:VAR}, {@code file:PATH} or {@code stdin} (one line); a client
 * id may also be given as {@code value:TEXT}, since it is not secret. Messages name the key and
 * its source, never the value.
 */
final class KeySource {

    private KeySource() {}

    /**
     * Reads {@code source} for key {@code name}; {@code allowValue} permits {@code value:} for
     * values that are not secret.
     */
    static String read(String name, String source, boolean allowValue, Environment env, InputStream stdin)
            throws RunFailure {
        try {
            if (source.startsWith("env:")) {
                return SecretReader.fromEnvironment(source.substring(4), env);
            }
            if (source.startsWith("file:")) {
                return SecretReader.fromFile(source.substring(5));
            }
            if (source.equals("stdin")) {
                return firstLine(stdin);
            }
        } catch (UsageException e) {
            throw new RunFailure(RunFailure.NO_INPUT, "Key '" + name + "' (" + source + "): " + e.getMessage());
        }
        if (allowValue && source.startsWith("value:") && source.length() > 6) {
            return source.substring(6);
        }
        throw new RunFailure(
                RunFailure.USAGE,
                "'" + source + "' (for key '" + name + "') is not a key source. Use env:VARIABLE, file:PATH or stdin"
                        + (allowValue ? ", or value:TEXT for a client id." : "."));
    }

    /** The first line of {@code stdin}, read byte by byte so the rest stays for the command. */
    private static String firstLine(InputStream stdin) throws UsageException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = stdin.read()) >= 0 && b != '\n') {
                line.write(b);
            }
        } catch (IOException e) {
            throw new UsageException("Standard input could not be read (" + EngineMessages.reason(e) + ").");
        }
        String text = SecretBytes.decode(line.toByteArray(), "first line of standard input");
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            throw new UsageException("The first line of standard input is empty. Pipe the key in, on one line.");
        }
        return text;
    }
}
