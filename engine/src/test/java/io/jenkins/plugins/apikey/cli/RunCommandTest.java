package io.jenkins.plugins.apikey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} with real child processes: {@code sh -c} scripts that print keys every way they can. */
@DisabledOnOs(OS.WINDOWS)
class RunCommandTest {

    private static final String KEY = "3f2b8c1e-7d4a-4b9e-a1c2-5e6f7a8b1d07";
    private static final String ODD = "p@ss w0rd/\"odd\"&key'42";
    private static final Map<String, String> ENV = Map.of(
            "PATH",
            System.getenv("PATH"),
            "KATALON_KEY",
            KEY,
            "ODD_KEY",
            ODD,
            "TMPDIR",
            System.getProperty("java.io.tmpdir"));

    @TempDir
    Path dir;

    private Cli cli = new Cli(ENV);

    private int run(String... args) {
        return cli.run("run", args);
    }

    private String stdout() {
        return cli.stdout();
    }

    private String stderr() {
        return cli.stderr();
    }

    @Test
    void everyFormOnBothStreamsInPiecesAndSlowlyIsMasked() {
        String basic = Base64.getEncoder().encodeToString((":" + KEY).getBytes(StandardCharsets.UTF_8));
        String script =
                "printf 'start %.10s' \"$KATALON_API_KEY\"; sleep 0.3; printf '%s end\\n' \"${KATALON_API_KEY#??????????}\";"
                        + "printf 'Authorization: Basic %s\\n' \"$(printf ':%s' \"$KATALON_API_KEY\" | base64 | tr -d '\\n')\";"
                        + "printf 'args %s\\n' \"$KATALON_ARGS\";"
                        + "printf 'json {\"k\":\"%s\"}\\n' \"$KATALON_API_KEY\" >&2;"
                        + "printf 'progress 50%%\\r'; sleep 0.2; printf 'progress 100%%\\n';"
                        + "printf 'stderr %s\\n' \"$KATALON_API_KEY\" >&2";

        int status = run("--key", "k=env:KATALON_KEY", "--preset", "k=katalon", "--", "sh", "-c", script);

        assertThat(status).isZero();
        assertThat(stdout())
                .isEqualTo(
                        "start **** end\n" // the key split by a pause is still one match
                                + "Authorization: Basic ****\n"
                                + "args ****\n"
                                + "progress 50%\rprogress 100%\n");
        assertThat(stderr()).isEqualTo("json {\"k\":\"****\"}\nstderr ****\n");
        assertThat(stdout() + stderr()).doesNotContain(KEY, basic, KEY.substring(10));
    }

    @Test
    void urlJsonXmlAndShellFormsOfAGenericKeyAreMasked() {
        String url = URLEncoder.encode(ODD, StandardCharsets.UTF_8);
        String script =
                "printf 'url %s\\n' \"$1\"; printf 'q %q\\n' \"$API_KEY\" 2>/dev/null || printf 'q %s\\n' \"$2\"";

        int status = run("--key", "odd=env:ODD_KEY", "--", "bash", "-c", script, "x", url, ODD.replace("'", "'\\''"));

        assertThat(status).isZero();
        assertThat(stdout()).isEqualTo("url ****\nq ****\n");
    }

    @Test
    void outputWithoutSecretsIsByteIdentical() {
        String script = "printf 'plain \\342\\202\\254 text\\r\\nno newline at the end'; printf 'err' >&2";

        assertThat(run("--key", "k=env:KATALON_KEY", "--", "sh", "-c", script)).isZero();

        assertThat(cli.stdoutBytes())
                .isEqualTo("plain € text\r\nno newline at the end".getBytes(StandardCharsets.UTF_8));
        assertThat(stderr()).isEqualTo("err");
    }

    @Test
    void exitStatusIsTheCommandsAndSignalsGive128PlusTheNumber() {
        assertThat(run("--key", "k=env:KATALON_KEY", "--", "sh", "-c", "exit 7"))
                .isEqualTo(7);
        assertThat(run("--key", "k=env:KATALON_KEY", "--", "sh", "-c", "kill -TERM $$"))
                .isEqualTo(143);
        assertThat(run("--key", "k=env:KATALON_KEY", "--", "sh", "-c", "kill -KILL $$"))
                .isEqualTo(137);
    }

    @Test
    void keyFileAndAgentConfigAreOwnerOnlyAndGoneAfterwardsEvenOnFailure() throws IOException {
        String script =
                "stat -c '%a %n' \"$KATALON_API_KEY_FILE\" \"$KATALON_AGENT_CONFIG\" \"$(dirname \"$KATALON_API_KEY_FILE\")\";"
                        + "test \"$(cat \"$KATALON_API_KEY_FILE\")\" = \"$KATALON_API_KEY\" && echo content-ok;"
                        + "grep -c '^organizationId=42$' \"$KATALON_AGENT_CONFIG\"; exit 3";

        int status = run(
                "--key",
                "k=env:KATALON_KEY",
                "--preset",
                "k=katalon-onprem",
                "--server-url",
                "k=https://testops.example.com",
                "--key-file",
                "k",
                "--agent-config",
                "k",
                "--agent-organization",
                "42",
                "--",
                "sh",
                "-c",
                script);

        assertThat(status).isEqualTo(3);
        List<String> lines = stdout().lines().toList();
        assertThat(lines.get(0)).startsWith("600 ");
        assertThat(lines.get(1)).startsWith("600 ");
        assertThat(lines.get(2)).startsWith("700 ");
        assertThat(lines.subList(3, 5)).containsExactly("content-ok", "1");
        for (String line : lines.subList(0, 3)) {
            assertThat(Path.of(line.substring(4))).doesNotExist();
        }
    }

    @Test
    void placeholdersInArgumentsAreReplacedByTheKey() {
        assertThat(run("--key", "k=env:KATALON_KEY", "--", "sh", "-c", "echo \"arg=$1\"", "sh", "-apiKey={k}"))
                .isZero();

        assertThat(stdout()).isEqualTo("arg=-apiKey=****\n");
    }

    @Test
    void keyFromStdinLeavesTheRestOfStdinToTheCommand() {
        cli.input(KEY + "\nrest of input\n");

        assertThat(run(
                        "--key",
                        "k=stdin",
                        "--variable",
                        "k=MY_KEY",
                        "--",
                        "sh",
                        "-c",
                        "cat; test \"$MY_KEY\" = " + KEY + " && echo same"))
                .isZero();

        assertThat(stdout()).isEqualTo("rest of input\nsame\n");
    }

    @Test
    void keyFromAFileAndXrayClientCredentials() throws IOException {
        Path secret = Files.writeString(
                dir.resolve("secret"), "5e8f0a7c9b1d3e2f4a6c8b0d1e3f5a7c9b2d4e6f8a0c1b3d5e7f9a2c4b6d8e0f\n");

        int status = run(
                "--key",
                "x=file:" + secret,
                "--preset",
                "x=xray",
                "--client-id",
                "x=value:0123456789ABCDEF0123456789ABCDEF",
                "--",
                "sh",
                "-c",
                "echo \"id=$XRAY_CLIENT_ID secret=$XRAY_CLIENT_SECRET\"");

        assertThat(status).isZero();
        assertThat(stdout()).isEqualTo("id=0123456789ABCDEF0123456789ABCDEF secret=****\n");
    }

    @Test
    void errorsHaveDistinctStatusesAndNeverShowTheKey() {
        assertThat(run("--key", "k=env:KATALON_KEY", "--preset", "k=jira", "--", "true"))
                .isEqualTo(64);
        assertThat(run("--key", "k=env:MISSING", "--", "true")).isEqualTo(66);
        assertThat(run("--key", "k=env:KATALON_KEY", "--variable", "k=1BAD", "--", "true"))
                .isEqualTo(65);
        assertThat(run("--key", "k=env:ODD_KEY", "--preset", "k=katalo", "--", "true"))
                .isEqualTo(65);
        assertThat(run("--key", "k=env:KATALON_KEY", "--", "no-such-command-" + System.nanoTime()))
                .isEqualTo(127);
        assertThat(run("--key", "k=env:KATALON_KEY", "--", dir.toString())).isEqualTo(126);
        assertThat(run("--key", "k=env:KATALON_KEY")).isEqualTo(64);
        assertThat(run("--key", "k=stdin", "--key", "j=stdin", "--", "true")).isEqualTo(64);
        assertThat(run("--key", "k=KATALON_KEY", "--", "true")).isEqualTo(64);
        assertThat(run("--key", "x=env:KATALON_KEY", "--preset", "x=xray", "--", "true"))
                .isEqualTo(64);
        assertThat(run("--preset", "k=katalon", "--key", "j=env:KATALON_KEY", "--", "true"))
                .isEqualTo(64);

        assertThat(stderr().lines().toList())
                .containsExactly(
                        "run: Unknown preset 'jira' for key 'k'. Use one of katalon, katalon-onprem, xray, katalo,"
                                + " generic.",
                        "run: Key 'k' (env:MISSING): Environment variable MISSING is not set. Export it before running,"
                                + " or name another variable.",
                        "run: Variable name '1BAD' of key 'k' (env:KATALON_KEY) is not valid. Use letters, digits and"
                                + " underscores, not starting with a digit.",
                        "run: Key 'k' (env:ODD_KEY) cannot be used: A Katalo organisation key starts with kat_live_."
                                + " Copy the whole key, including that prefix.",
                        stderr().lines().toList().get(4),
                        "run: Command cannot be executed: " + dir + ". Check that it is an executable program (chmod"
                                + " +x) and not a directory.",
                        "run: No command given. Put it after --, such as: api-keys run --key k=env:K -- ./build.sh",
                        "run: Only one key can come from standard input; give the others with env: or file:.",
                        "run: 'KATALON_KEY' (for key 'k') is not a key source. Use env:VARIABLE, file:PATH or stdin.",
                        "run: Key 'x' uses preset xray, which needs its client id: add --client-id x=env:VAR,"
                                + " file:PATH or value:ID.",
                        "run: --preset names key 'k', but no --key k=... was given. Add the key, or correct the name.");
        assertThat(stderr().lines().toList().get(4)).startsWith("run: Command not found: no-such-command-");
        assertThat(stderr()).doesNotContain(KEY, ODD);
        assertThat(stdout()).isEmpty();
    }

    @Test
    void helpDocumentsEveryOptionWithAnExample() {
        assertThat(run("--help")).isZero();

        assertThat(stdout())
                .contains(
                        "Usage: api-keys run [OPTIONS] -- COMMAND [ARGS...]",
                        "process group",
                        "--kill-after",
                        "$TMPDIR/api-keys-<pid>",
                        "process table",
                        "katalonc",
                        "TestOps agent",
                        "127:the command was not found".replace(":", "   "))
                .doesNotContain("${DEFAULT-VALUE}");
        for (String option : List.of(
                "--key",
                "--env-file",
                "--preset",
                "--client-id",
                "--server-url",
                "--variable",
                "--client-id-variable",
                "--args-variable",
                "--key-file",
                "--agent-config",
                "--agent-config-path",
                "--exchange-token",
                "--xray-url",
                "--kill-after")) {
            assertThat(stdout()).as(option).containsPattern("Example: " + option + " \\S");
        }
        assertThat(stdout()).contains("--merge-output", "--no-masking", "--dry-run", "--xray-region", "--version");
    }
}
