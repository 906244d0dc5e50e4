package io.jenkins.plugins.apikey.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code api-keys} in this JVM with in-memory streams and a given environment. */
final class Cli {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> env;
    private InputStream in = new ByteArrayInputStream(new byte[0]);

    Cli(Map<String, String> env) {
        this.env = env;
    }

    Cli input(String text) {
        in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    Cli input(InputStream input) {
        in = input;
        return this;
    }

    /** Runs {@code first} and {@code rest} as the arguments of {@code api-keys}; the exit status. */
    int run(String first, String... rest) {
        List<String> args = new ArrayList<>(List.of(first));
        args.addAll(List.of(rest));
        return Main.run(args.toArray(String[]::new), Stdio.of(in, out, err), Environment.of(env));
    }

    byte[] stdoutBytes() {
        return out.toByteArray();
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
