package io.jenkins.plugins.apikey.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code run} in a JVM of its own, with {@code sh -c} commands that start children of their own:
 * signals reach the whole group, nothing hangs, nothing with a key is left behind.
 */
@DisabledOnOs(OS.WINDOWS)
class RunProcessGroupTest {

    private static final String KEY = "3f2b8c1e-7d4a-4b9e-a1c2-5e6f7a8b1d07";

    @TempDir
    Path tmp;

    private RunProcess start(String script, String... options) throws Exception {
        return startPiped(null, script, options);
    }

    private RunProcess startPiped(String pipe, String script, String... options) throws Exception {
        List<String> args =
                new ArrayList<>(List.of("run", "--key", "k=env:K", "--preset", "k=katalon", "--key-file", "k"));
        args.addAll(List.of(options));
        args.addAll(List.of("--", "sh", "-c", script));
        return RunProcess.start(Map.of("K", KEY, "TMPDIR", tmp.toString()), args, pipe);
    }

    private static void assumeSignalCanBeTested(String signal) {
        Optional<String> obstacle = RunProcess.signalTestObstacle(signal);
        assumeTrue(obstacle.isEmpty(), () -> obstacle.get());
    }

    private List<Path> keyDirectories() throws Exception {
        try (Stream<Path> list = Files.list(tmp)) {
            return list.filter(p -> p.getFileName().toString().startsWith("api-keys-"))
                    .toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM", "HUP"})
    void signalReachesTheCommandAndItsChildrenAndTheKeyFilesGo(String signal) throws Exception {
        assumeSignalCanBeTested(signal);
        // the grandchild runs in the foreground, so that the shell's rule that background jobs ignore
        // INT does not apply; both print when the signal reaches them
        String script = "trap 'echo child-got-" + signal + "; exit 3' " + signal + ";"
                + " sh -c 'trap \"echo grandchild-got-" + signal + "; exit 4\" " + signal + ";"
                + " echo \"ready $KATALON_API_KEY $KATALON_API_KEY_FILE\"; while :; do sleep 0.05; done'";
        try (RunProcess run = start(script)) {
            String ready = run.awaitLine(line -> line.startsWith("ready"));
            assertThat(ready).startsWith("ready **** ");
            Path file = Path.of(ready.substring("ready **** ".length()));
            assertThat(file).exists();

            run.signal(signal);

            assertThat(run.waitFor()).isEqualTo(3);
            assertThat(run.stdout())
                    .contains("grandchild-got-" + signal, "child-got-" + signal)
                    .doesNotContain(KEY);
            assertThat(file).doesNotExist();
            assertThat(keyDirectories()).isEmpty();
        }
    }

    @Test
    void usr1ReachesTheGroupAsQuitAndSetsNoKillDeadline() throws Exception {
        assumeSignalCanBeTested("QUIT");
        // the command outlives --kill-after after QUIT and ends by itself
        String script = "trap 'echo got-QUIT' QUIT; echo ready; i=0; while [ $i -lt 30 ]; do sleep 0.05; i=$((i + 1));"
                + " done; echo finished";
        try (RunProcess run = start(script, "--kill-after", "1")) {
            run.awaitLine("ready"::equals);

            run.signal(SignalForwarder.QUIT_RELAY);

            assertThat(run.waitFor()).isZero();
            assertThat(run.stdout()).contains("got-QUIT", "finished");
            assertThat(run.stdout().lines()).doesNotContain("Full thread dump");
        }
    }

    @Test
    void aGroupThatIgnoresTermIsKilledAfterKillAfter() throws Exception {
        assumeSignalCanBeTested("TERM");
        String script = "trap '' TERM; echo ready; while :; do sleep 0.05; done";
        try (RunProcess run = start(script, "--kill-after", "1")) {
            run.awaitLine("ready"::equals);
            long start = System.nanoTime();

            run.signal("TERM");

            assertThat(run.waitFor()).isEqualTo(128 + 9);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
            assertThat(keyDirectories()).isEmpty();
        }
    }

    @Test
    void aBackgroundChildHoldingThePipesIsStoppedAndRunReturnsTheCommandsStatus() throws Exception {
        // the child ignores TERM too, so only KILL after --kill-after ends it
        String script = "sh -c 'trap \"\" TERM; while :; do sleep 0.05; done' & echo \"child $!\"; exit 5";
        try (RunProcess run = start(script, "--kill-after", "1")) {
            String child = run.awaitLine(line -> line.startsWith("child "));

            assertThat(run.waitFor()).isEqualTo(5);
            assertThat(StaleKeyDirectories.running(Long.parseLong(child.substring(6))))
                    .isFalse();
        }
    }

    @Test
    void whenTheReaderGoesAwayTheCommandIsStoppedPromptly() throws Exception {
        try (RunProcess run = startPiped("head -n 1", "yes")) {
            assertThat(run.waitFor()).isZero();
            assertThat(run.stdout()).isEqualTo("y\n");
            assertThat(keyDirectories()).isEmpty();
        }
    }

    @Test
    void theNextRunRemovesTheKeyFilesOfARunKilledWithKill() throws Exception {
        String group;
        try (RunProcess killed = start("echo \"ready $$ $KATALON_API_KEY_FILE\"; while :; do sleep 0.05; done")) {
            String[] ready = killed.awaitLine(line -> line.startsWith("ready")).split(" ");
            group = ready[1];
            assertThat(Path.of(ready[2])).exists();

            killed.kill();
        }
        // KILL gave run no chance: its command lives on in its own group, its files stay
        assertThat(keyDirectories()).hasSize(1);
        new ProcessBuilder("kill", "-KILL", "--", "-" + group).start().waitFor();
        Path alive = Files.createDirectory(
                tmp.resolve("api-keys-" + ProcessHandle.current().pid()));

        try (RunProcess next = start("echo next")) {
            assertThat(next.waitFor()).isZero();
        }

        assertThat(keyDirectories()).containsExactly(alive);
    }

    @Test
    void aKeyFromStdinLeavesTheRestOfInputToTheCommandWhichReadsRunsOwnStdin() throws Exception {
        try (RunProcess run = RunProcess.start(
                Map.of("TMPDIR", tmp.toString()),
                List.of(
                        "run",
                        "--key",
                        "k=stdin",
                        "--",
                        "sh",
                        "-c",
                        "cat; test \"$API_KEY\" = " + KEY + " && echo same"))) {
            run.input(KEY + "\nrest of input\n");

            assertThat(run.waitFor()).isZero();
            assertThat(run.stdout()).isEqualTo("rest of input\nsame\n");
        }
    }
}
