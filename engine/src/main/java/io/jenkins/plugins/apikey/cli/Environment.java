package io.jenkins.plugins.apikey.cli;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

    /**
     * This process's environment, which a child started without changes inherits as it is. Read
     * through a {@link FileInputStream}, whose classes the JVM has loaded already: {@code
     * Files.readAllBytes} would load NIO's channel classes, about 6 ms of every start.
     */
    static Environment current() {
        try (InputStream in = new FileInputStream("/proc/self/environ")) {
            return new Environment(parse(in.readAllBytes()), true);
        } catch (IOException e) {
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

    /** The {@code NAME=value} entries of {@code environ}, each ended by a zero byte; the first of a name wins. */
    static Map<String, byte[]> parse(byte[] environ) {
        Map<String, byte[]> values = new LinkedHashMap<>();
        int start = 0;
        int equals = -1;
        for (int i = 0; i <= environ.length; i++) {
            byte b = i == environ.length ? 0 : environ[i];
            if (b == '=' && equals < 0) {
                equals = i;
            } else if (b == 0) {
                if (equals > start) {
                    String name = new String(environ, start, equals - start, StandardCharsets.UTF_8);
                    values.putIfAbsent(name, Arrays.copyOfRange(environ, equals + 1, i));
                }
                start = i + 1;
                equals = -1;
            }
        }
        return values;
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
