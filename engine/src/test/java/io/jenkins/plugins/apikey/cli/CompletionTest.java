package io.jenkins.plugins.apikey.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The script of {@code api-keys generate-completion}, sourced in a real bash and asked what it
 * completes, as bash does when the user presses Tab.
 */
@DisabledOnOs(OS.WINDOWS)
class CompletionTest {

    private static final Path BASH = Path.of("/bin/bash");

    @TempDir
    Path dir;

    private Path script;

    @BeforeEach
    void generate() throws IOException {
        assumeTrue(Files.isExecutable(BASH), "bash is needed to run the completion script");
        Cli cli = new Cli(Map.of());
        assertThat(cli.run("generate-completion")).isZero();
        script = Files.writeString(dir.resolve("api-keys.bash"), cli.stdout());
    }

    /** What bash offers for the command line {@code words}, the last one being the word being typed. */
    private List<String> complete(String... words) throws IOException, InterruptedException {
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append(" '").append(word).append('\'');
        }
        String probe = "source '" + script + "'\n"
                // compopt only works while bash itself completes; outside, it has nothing to change
                + "compopt() { :; }\n"
                + "COMP_WORDS=(" + array + ")\n"
                + "COMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE=\"${COMP_WORDS[*]}\"\n"
                + "COMP_POINT=${#COMP_LINE}\n"
                + "_complete_api-keys\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process bash = new ProcessBuilder(BASH.toString(), "--norc", "--noprofile", "-c", probe)
                .redirectErrorStream(true)
                .start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(RunProcess.TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .isTrue();
        assertThat(bash.exitValue()).as(output).isZero();
        return output.lines().filter(line -> !line.isEmpty()).toList();
    }

    @Test
    void completesTheCommands() throws Exception {
        assertThat(complete("api-keys", "")).contains("mask", "run", "verify", "scan", "generate-completion");
        assertThat(complete("api-keys", "sc")).containsExactly("scan");
    }

    @Test
    void completesEachCommandsOwnOptions() throws Exception {
        assertThat(complete("api-keys", "run", "--merge")).containsExactly("--merge-output");
        assertThat(complete("api-keys", "run", "--kill")).containsExactly("--kill-after");
        assertThat(complete("api-keys", "mask", "--console")).containsExactly("--console-notes");
        assertThat(complete("api-keys", "scan", "--re")).containsExactly("--redact");
        assertThat(complete("api-keys", "mask", "--merge")).isEmpty();
    }

    @Test
    void completesTheValuesOfOptionsThatTakeOneOfAFixedSet() throws Exception {
        assertThat(complete("api-keys", "scan", "--format", "")).containsExactly("text", "json", "sarif");
        assertThat(complete("api-keys", "scan", "--format", "s")).containsExactly("sarif");
        assertThat(complete("api-keys", "run", "--xray-region", "")).containsExactly("GLOBAL", "US", "EU", "AU");
    }
}
