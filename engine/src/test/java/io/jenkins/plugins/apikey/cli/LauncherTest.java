package io.jenkins.plugins.apikey.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void saysSoWhenThereIsNoJava() throws Exception {
        Result result = launch(installation.resolve("bin/api-keys"), Map.of("PATH", dir.toString()));

        assertThat(result.status()).isEqualTo(127);
        assertThat(result.stderr())
                .isEqualTo("api-keys: no Java found. Install Java 17 or newer, or set JAVA_HOME to one.\n");
    }
}
