package io.jenkins.plugins.apikey.cli;

import io.jenkins.plugins.apikey.EngineMessages;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads secrets named on the command line, as bytes; errors name the source, never its content. */
final class SecretReader {

    private SecretReader() {}

    /** The value of environment variable {@code name}, which must be set and non-empty. */
    static String fromEnvironment(String name, Environment environment) throws UsageException {
        return SecretBytes.decode(environmentValue(name, environment), "value of environment variable " + name);
    }

    /** The bytes of environment variable {@code name}, which must be set and non-empty. */
    private static byte[] environmentValue(String name, Environment environment) throws UsageException {
        byte[] value = environment.bytes(name);
        if (value == null) {
            throw new UsageException("Environment variable " + name + " is not set. Export it before running, "
                    + "or name another variable.");
        }
        if (value.length == 0) {
            throw new UsageException("Environment variable " + name + " is empty. Give it the secret's value.");
        }
        return value;
    }

    /** The whole content of {@code file}, one final line end dropped; must be non-empty. */
    static String fromFile(String file) throws UsageException {
        return SecretBytes.decode(fileContent(file), "secret file " + file);
    }

    /** The bytes of {@code file}, one final line end dropped; must be non-empty. */
    private static byte[] fileContent(String file) throws UsageException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new UsageException("Secret file " + file + " does not exist. Check the path.");
        } catch (AccessDeniedException e) {
            throw new UsageException(
                    "Secret file " + file + " cannot be read: permission denied. Run as a user who may read it.");
        } catch (IOException e) {
            throw new UsageException("Secret file " + file + " cannot be read (" + EngineMessages.reason(e)
                    + "). Check that it is a readable regular file.");
        }
        // as SecretText.fromFileBytes drops it: CR and LF are never part of a longer UTF-8 character
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\n') {
            length -= length > 1 && bytes[length - 2] == '\r' ? 2 : 1;
        }
        if (length == 0) {
            throw new UsageException("Secret file " + file + " is empty. Put the secret in it.");
        }
        return Arrays.copyOf(bytes, length);
    }
}
