package io.jenkins.plugins.apikey.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment that secrets and settings are read from, kept as bytes: Java decodes {@link
 * System#getenv()} with the locale's charset, so under {@code LC_ALL=C} every non-ASCII byte would
 * become a replacement character. On Linux the process's own environment is read from {@code
 * /proc/self/environ}; tests give a map instead.
 */
final class Environment {

    private final Map<String, byte[]> values;
    private final boolean inherited;

    private Environment(Map<String, byte[]> values, boolean inherited) {
        this.values = values;
        this.inherited = inherited;
    }

    /** This process's environment, which a child started without changes inherits as it is. */
    static Environment current() {
        try {
            return new Environment(parse(Files.readAllBytes(Path.of("/proc/self/environ"))), true);
        } catch (IOException | UnsupportedOperationException e) {
            // no /proc (macOS and others): the JVM's decoding is the best there is
            Map<String, byte[]> values = new LinkedHashMap<>();
            System.getenv().forEach((name, value) -> values.put(name, value.getBytes(StandardCharsets.UTF_8)));
            return new Environment(values, true);
        }
    }

    /** An environment of exactly {@code variables}, which a child gets instead of this process's. */
    static Environment of(Map<String, String> variables) {
        Map<String, byte[]> values = new LinkedHashMap<>();
        variables.forEach((name, value) -> values.put(name, value.getBytes(StandardCharsets.UTF_8)));
        return new Environment(values, false);
    }

    private static Map<String, byte[]> parse(byte[] environ) {
        Map<String, byte[]> values = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i <= environ.length; i++) {
            if (i == environ.length || environ[i] == 0) {
                int equals = indexOf(environ, (byte) '=', start, i);
                if (equals > start) {
                    String name = new String(environ, start, equals - start, StandardCharsets.UTF_8);
                    byte[] value = new byte[i - equals - 1];
                    System.arraycopy(environ, equals + 1, value, 0, value.length);
                    values.putIfAbsent(name, value);
                }
                start = i + 1;
            }
        }
        return values;
    }

    private static int indexOf(byte[] bytes, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Whether this is the process's own environment, which children inherit unchanged. */
    boolean inherited() {
        return inherited;
    }

    /** The value of {@code name} as bytes, or {@code null} when unset. */
    byte[] bytes(String name) {
        byte[] value = values.get(name);
        return value == null ? null : value.clone();
    }

    /** The value of a setting such as {@code PATH}, or {@code fallback} when unset or empty. */
    String setting(String name, String fallback) {
        byte[] value = values.get(name);
        return value == null || value.length == 0 ? fallback : new String(value, StandardCharsets.UTF_8);
    }

    /** Every variable, decoded, for a child that does not inherit this environment. */
    Map<String, String> decoded() {
        Map<String, String> decoded = new LinkedHashMap<>();
        values.forEach((name, value) -> decoded.put(name, new String(value, StandardCharsets.UTF_8)));
        return decoded;
    }
}
