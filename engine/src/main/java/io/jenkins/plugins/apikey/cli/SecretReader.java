package io.jenkins.plugins.apikey.cli;

import io.jenkins.plugins.apikey.secret.SecretText;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** Reads secrets named on the command line; errors name the source, never its content. */
final class SecretReader {

    private SecretReader() {}

    /** The value of environment variable {@code name}, which must be set and non-empty. */
    static String fromEnvironment(String name, Map<String, String> environment) throws UsageException {
        String value = environment.get(name);
        if (value == null) {
            throw new UsageException("Environment variable " + name + " is not set. Export it before running, "
                    + "or name another variable.");
        }
        if (value.isEmpty()) {
            throw new UsageException("Environment variable " + name + " is empty. Give it the secret's value.");
        }
        return value;
    }

    /** The whole content of {@code file} as UTF-8, one final line end dropped; must be non-empty. */
    static String fromFile(String file) throws UsageException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new UsageException("Secret file " + file + " does not exist. Check the path.");
        } catch (AccessDeniedException e) {
            throw new UsageException(
                    "Secret file " + file + " cannot be read: permission denied. " + "Run as a user who may read it.");
        } catch (IOException e) {
            throw new UsageException("Secret file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + "). Check that it is a readable regular file.");
        }
        String text;
        try {
            text = SecretText.fromFileBytes(bytes);
        } catch (CharacterCodingException e) {
            throw new UsageException("Secret file " + file + " is not UTF-8 text. Store the secret as UTF-8.");
        }
        if (text.isEmpty()) {
            throw new UsageException("Secret file " + file + " is empty. Put the secret in it.");
        }
        return text;
    }
}
