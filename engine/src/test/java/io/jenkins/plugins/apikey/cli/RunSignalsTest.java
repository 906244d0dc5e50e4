package io.jenkins.plugins.apikey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Signals sent to {@code run} reach the command; its status comes back and the key files go. */
@DisabledOnOs(OS.WINDOWS)
class RunSignalsTest {

    private static final String KEY = "3f2b8c1e-7d4a-4b9e-a1c2-5e6f7a8b1d07";

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void signalIsForwardedAndFilesAreDeleted(String signal) throws Exception {
        String script = "trap 'echo got-" + signal + "; exit 3' " + signal + "; echo \"file=$KATALON_API_KEY_FILE\";"
                + " echo \"ready $KATALON_API_KEY\"; while :; do sleep 0.1; done";
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "run",
                "--key",
                "k=env:K",
                "--preset",
                "k=katalon",
                "--key-file",
                "k",
                "--",
                "sh",
                "-c",
                script);
        builder.environment().put("K", KEY);
        builder.redirectErrorStream(true);
        Process run = builder.start();
        BufferedReader output = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = output.readLine()) != null) {
            lines.add(line);
            if (line.startsWith("ready")) {
                break;
            }
        }
        assertThat(lines).contains("ready ****");

        new ProcessBuilder("kill", "-" + signal, Long.toString(run.pid()))
                .start()
                .waitFor();

        while ((line = output.readLine()) != null) {
            lines.add(line);
        }
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).isEqualTo(3);
        assertThat(lines).contains("got-" + signal).noneMatch(l -> l.contains(KEY));
        String file = lines.stream()
                .filter(l -> l.startsWith("file="))
                .findFirst()
                .orElseThrow()
                .substring(5);
        assertThat(Path.of(file)).doesNotExist();
        assertThat(Path.of(file).getParent().getParent()).doesNotExist();
    }
}
