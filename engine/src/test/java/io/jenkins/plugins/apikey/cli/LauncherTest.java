package io.jenkins.plugins.apikey.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/api-keys}, the distribution's launcher, against stand-in Javas that report a version
 * and print how they were called: it finds a Java 17 or newer and refuses older ones clearly.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherTest {

    private static final Path LAUNCHER = Path.of("src/main/dist/bin/api-keys");
    private static final Path SUPERVISOR = Path.of("src/main/dist/lib/run-supervisor.pl");
    private static final String KEY = "3f2b8c1e-7d4a-4b9e-a1c2-5e6f7a8b1d07";

    @TempDir
    Path dir;

    private Path installation;

    @BeforeEach
    void install() throws IOException {
        installation = dir.resolve("api-keys-1.0");
        Files.createDirectories(installation.resolve("bin"));
        Files.createDirectories(installation.resolve("lib"));
        Files.copy(LAUNCHER, installation.resolve("bin/api-keys"));
    }

    /** A stand-in Java home: {@code release} names the version, {@code bin/java} echoes its arguments. */
    private Path javaHome(String name, String releaseVersion, String dashVersion) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        if (releaseVersion != null) {
            Files.writeString(
                    home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + releaseVersion + "\"\n");
        }
        Path java = home.resolve("bin/java");
        Files.writeString(
                java,
                "#!/bin/sh\nif [ \"$1\" = -version ]; then echo 'openjdk version \"" + dashVersion + "\" 2024' >&2;"
                        + " exit 0; fi\nfor a in \"$@\"; do echo \"arg $a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private record Result(int status, String stdout, String stderr) {}

    private Result launch(Path launcher, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/sh", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().remove("JAVA_HOME");
        builder.environment().putAll(env);
        Process process = builder.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(RunProcess.TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .isTrue();
        return new Result(process.exitValue(), stdout, stderr);
    }

    @Test
    void runsTheJarWithJavaHomesJavaAndPassesArgumentsAsTheyAre() throws Exception {
        Path home = javaHome("jdk-17", "17.0.9", "17.0.9");
        Path link = Files.createSymbolicLink(dir.resolve("api-keys"), installation.resolve("bin/api-keys"));

        Result result = launch(link, Map.of("JAVA_HOME", home.toString()), "run", "--key", "k=env:K", "--", "a b");

        assertThat(result.status()).as(result.stderr()).isZero();
        assertThat(result.stdout().lines().toList())
                .containsExactly(
                        "arg -XX:TieredStopAtLevel=1",
                        "arg -jar",
                        "arg " + installation.toRealPath().resolve("lib/api-keys.jar"),
                        "arg run",
                        "arg --key",
                        "arg k=env:K",
                        "arg --",
                        "arg a b");
    }

    @Test
    void takesJavaFromPathAndReadsItsVersionWhenThereIsNoReleaseFile() throws Exception {
        Path home = javaHome("jdk-21", null, "21.0.2");

        Result result = launch(
                installation.resolve("bin/api-keys"),
                Map.of("PATH", home.resolve("bin") + ":/usr/bin:/bin", "API_KEYS_JAVA_OPTS", "-Xmx64m -Dx=*"),
                "--version");

        assertThat(result.status()).as(result.stderr()).isZero();
        assertThat(result.stdout().lines().toList()).startsWith("arg -Xmx64m", "arg -Dx=*", "arg -jar");
    }

    @Test
    void masksOnC1AloneUnlessTheJavaOptionsSayOtherwise() throws Exception {
        Path home = javaHome("jdk-17", "17.0.9", "17.0.9");

        Result result = launch(
                installation.resolve("bin/api-keys"),
                Map.of("JAVA_HOME", home.toString(), "API_KEYS_JAVA_OPTS", "-XX:TieredStopAtLevel=4"),
                "mask",
                "--secret-env",
                "K");

        assertThat(result.status()).as(result.stderr()).isZero();
        assertThat(result.stdout().lines().toList())
                .startsWith("arg -XX:TieredStopAtLevel=1", "arg -XX:TieredStopAtLevel=4", "arg -jar");
    }

    @Test
    void refusesJavaOlderThan17WithAMessageThatNamesTheFix() throws Exception {
        Path java11 = javaHome("jdk-11", "11.0.22", "11.0.22");
        Path java8 = javaHome("jdk-8", null, "1.8.0_402");

        Result eleven = launch(installation.resolve("bin/api-keys"), Map.of("JAVA_HOME", java11.toString()));
        Result eight = launch(installation.resolve("bin/api-keys"), Map.of("JAVA_HOME", java8.toString()));

        assertThat(eleven.status()).isEqualTo(126);
        assertThat(eleven.stderr())
                .isEqualTo("api-keys: needs Java 17 or newer, but " + java11 + "/bin/java is version 11.0.22. Set"
                        + " JAVA_HOME to a Java 17 or newer.\n");
        assertThat(eight.status()).isEqualTo(126);
        assertThat(eight.stderr()).contains("is version 1.8.0_402.");
    }

    /**
     * A Java home whose {@code bin/java} runs this engine's classes on the test JVM's Java, in place of
     * {@code -jar lib/api-keys.jar}, so that the launcher runs the real {@code run}.
     */
    private Path engineJavaHome() throws IOException {
        Path home = dir.resolve("engine-java");
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"17.0.99\"\n");
        Path java = home.resolve("bin/java");
        Files.writeString(
                java,
                "#!/bin/sh\n# the launcher's JVM options, -jar and the jar: the classes come from the test's class path\n"
                        + "while [ \"$1\" != -jar ]; do shift; done\nshift 2\nexec '"
                        + Path.of(System.getProperty("java.home"), "bin", "java") + "' -XX:TieredStopAtLevel=1 -cp '"
                        + System.getProperty("java.class.path") + "' " + Main.class.getName() + " \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    /** Puts the run supervisor into the installation; the test is skipped where there is no Perl. */
    private void installSupervisor() throws IOException {
        assumeTrue(CommandPath.find("perl", "/usr/bin:/bin").isPresent(), "the supervisor needs perl");
        Files.copy(SUPERVISOR, installation.resolve("lib/run-supervisor.pl"));
    }

    /** {@code api-keys run} through the launcher, its supervisor and the engine, with a key and {@code script}. */
    private RunProcess runScript(List<String> ignored, String script) throws IOException {
        installSupervisor();
        return RunProcess.startWithLauncher(
                installation.resolve("bin/api-keys"),
                Map.of("JAVA_HOME", engineJavaHome().toString(), "K", KEY, "TMPDIR", dir.toString()),
                ignored,
                List.of("run", "--key", "k=env:K", "--", "sh", "-c", script));
    }

    @Test
    void quitSentToTheLauncherReachesTheCommandsGroupAndNoThreadDumpIsPrinted() throws Exception {
        String script = "trap 'echo \"got QUIT with $API_KEY\"' QUIT; trap 'exit 3' TERM; echo ready;"
                + " while :; do sleep 0.05; done";
        try (RunProcess run = runScript(List.of(), script)) {
            run.awaitLine("ready"::equals);

            run.signal("QUIT");
            run.awaitLine(line -> line.startsWith("got QUIT"));
            run.signal("TERM");

            assertThat(run.waitFor()).isEqualTo(3);
            assertThat(run.stdout()).contains("got QUIT with ****").doesNotContain(KEY, "Full thread dump");
        }
    }

    @Test
    void ctrlCAtATerminalReachesTheCommandOnce() throws Exception {
        String script = "n=0; trap 'n=$((n + 1)); echo \"INT $n\"' INT; trap 'exit 3' TERM; echo ready;"
                + " while :; do sleep 0.05; done";
        try (RunProcess run = runScript(List.of(), script)) {
            run.awaitLine("ready"::equals);

            run.signalGroup("INT");
            run.awaitLine("INT 1"::equals);
            run.signal("TERM");

            assertThat(run.waitFor()).isEqualTo(3);
            assertThat(run.stdout()).doesNotContain("INT 2");
        }
    }

    @Test
    void aSignalIgnoredWhenTheLauncherStartedStaysIgnored() throws Exception {
        String script = "trap 'echo got INT' INT; trap 'exit 3' TERM; echo ready; while :; do sleep 0.05; done";
        try (RunProcess run = runScript(List.of("INT"), script)) {
            run.awaitLine("ready"::equals);

            run.signal("INT");
            run.signal("TERM");

            assertThat(run.waitFor()).isEqualTo(3);
            assertThat(run.stdout()).doesNotContain("got INT");
        }
    }

    @Test
    void theLauncherEndsAsItsJvmDid() throws Exception {
        installSupervisor();
        Path killed = javaHome("killed-java", "17.0.9", "17.0.9");
        Files.writeString(killed.resolve("bin/java"), "#!/bin/sh\nkill -TERM $$\n");

        Result byTerm = launch(installation.resolve("bin/api-keys"), Map.of("JAVA_HOME", killed.toString()), "run");
        Files.writeString(killed.resolve("bin/java"), "#!/bin/sh\nexit 42\n");
        Result byStatus = launch(installation.resolve("bin/api-keys"), Map.of("JAVA_HOME", killed.toString()), "run");

        assertThat(byTerm.status()).as(byTerm.stderr()).isEqualTo(128 + 15);
        assertThat(byStatus.status()).as(byStatus.stderr()).isEqualTo(42);
    }

    @Test
    void saysSoWhenThereIsNoJava() throws Exception {
        Result result = launch(installation.resolve("bin/api-keys"), Map.of("PATH", dir.toString()));

        assertThat(result.status()).isEqualTo(127);
        assertThat(result.stderr())
                .isEqualTo("api-keys: no Java found. Install Java 17 or newer, or set JAVA_HOME to one.\n");
    }
}
