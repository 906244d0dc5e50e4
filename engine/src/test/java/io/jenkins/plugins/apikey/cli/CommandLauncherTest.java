package io.jenkins.plugins.apikey.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the command's session comes from: {@code setsid} where there is one, Perl where there is
 * not (macOS), and run's own group when there is neither. Each case gets a directory holding only
 * the tools it allows, as run's {@code PATH} and as the system path.
 */
@EnabledOnOs(OS.LINUX)
class CommandLauncherTest {

    /** Prints the shell's pid, process group and session, from {@code /proc} (fields 1, 5 and 6). */
    private static final String IDS = "read -r stat < /proc/$$/stat; set -- $stat; echo \"$1 $5 $6\"";

    @TempDir
    Path dir;

    /** A directory with a stand-in for each of {@code names} that becomes the real tool. */
    private Path toolsWith(String... names) throws IOException {
        Path tools = Files.createDirectories(dir.resolve("tools"));
        for (String tool : names) {
            Optional<Path> real = CommandPath.find(tool, "/usr/bin:/bin");
            assumeTrue(real.isPresent(), tool + " is needed for this test");
            Path stand = Files.writeString(tools.resolve(tool), "#!/bin/sh\nexec " + real.get() + " \"$@\"\n");
            Files.setPosixFilePermissions(stand, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return tools;
    }

    private CommandLauncher launcher(Path tools) {
        return new CommandLauncher(Environment.of(Map.of("PATH", tools.toString())), false, tools.toString());
    }

    /** Starts {@link #IDS} and returns the started process's pid, then the pid, group and session it printed. */
    private static long[] ids(CommandLauncher launcher) throws Exception {
        CommandLauncher.Started started =
                launcher.start(List.of("/bin/sh", "-c", IDS), Map.of(), CommandLauncher.Streams.MASKED);
        Process process = started.process();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(RunProcess.TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .isTrue();
        assertThat(process.exitValue())
                .as(new String(process.getErrorStream().readAllBytes()))
                .isZero();
        String[] words = printed.split(" ");
        return new long[] {process.pid(), Long.parseLong(words[0]), Long.parseLong(words[1]), Long.parseLong(words[2])};
    }

    @Test
    void setsidGivesTheCommandASessionAndGroupOfItsOwn() throws Exception {
        CommandLauncher launcher = launcher(toolsWith("setsid", "perl"));
        assertThat(launcher.newSession())
                .get()
                .asList()
                .singleElement()
                .asString()
                .endsWith("/setsid");

        long[] ids = ids(launcher);

        // setsid forks when it is a group leader already; the command leads its own session either way
        assertThat(ids[2]).isEqualTo(ids[1]);
        assertThat(ids[3]).isEqualTo(ids[1]);
    }

    @Test
    void withoutSetsidPerlGivesTheSessionAndBecomesTheCommand() throws Exception {
        CommandLauncher launcher = launcher(toolsWith("perl"));
        assertThat(launcher.newSession().orElseThrow()).first().asString().endsWith("/perl");

        long[] ids = ids(launcher);

        assertThat(ids[1]).as("the command is the process run started").isEqualTo(ids[0]);
        assertThat(ids[2]).as("its process group").isEqualTo(ids[0]);
        assertThat(ids[3]).as("its session").isEqualTo(ids[0]);
    }

    @Test
    void withNeitherTheCommandSharesRunsGroup() throws Exception {
        CommandLauncher launcher = launcher(toolsWith());
        assertThat(launcher.newSession()).isEmpty();

        long[] ids = ids(launcher);

        assertThat(ids[1]).isEqualTo(ids[0]);
        assertThat(ids[2]).as("not a group of its own").isNotEqualTo(ids[0]);
    }

    @Test
    void perlThatCannotStartTheCommandSaysSoAndFails() throws Exception {
        CommandLauncher launcher = launcher(toolsWith("perl"));
        List<String> words = launcher.newSession().orElseThrow();
        Process process = new ProcessBuilder(
                        concat(words, dir.resolve("not-a-program").toString()))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(RunProcess.TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(output).startsWith("api-keys-run: cannot execute " + dir.resolve("not-a-program") + ": ");
    }

    private static List<String> concat(List<String> words, String last) {
        List<String> all = new ArrayList<>(words);
        all.add(last);
        return all;
    }
}
