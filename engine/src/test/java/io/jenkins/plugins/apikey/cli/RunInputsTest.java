package io.jenkins.plugins.apikey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code run}'s inputs and output modes, with real {@code sh -c} commands. */
@DisabledOnOs(OS.WINDOWS)
class RunInputsTest {

    private static final String KEY = "3f2b8c1e-7d4a-4b9e-a1c2-5e6f7a8b1d07";
    private static final String ONPREM = "9a8b7c6d-1e2f-4a3b-8c9d-0e1f2a3b4c5d";
    private static final String XRAY_ID = "0123456789ABCDEF0123456789ABCDEF";
    private static final String XRAY_SECRET = "5e8f0a7c9b1d3e2f4a6c8b0d1e3f5a7c9b2d4e6f8a0c1b3d5e7f9a2c4b6d8e0f";
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.token-for-the-test.c2lnbmF0dXJl";

    @TempDir
    Path dir;

    private HttpServer server;

    private Cli cli() {
        return new Cli(Map.of(
                "PATH", System.getenv("PATH"),
                "TMPDIR", dir.toString(),
                "KATALON_KEY", KEY,
                "ONPREM_KEY", ONPREM,
                "XRAY_ID", XRAY_ID,
                "XRAY_SECRET", XRAY_SECRET));
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void envFileValuesAreBoundAndMaskedAndMayComeFromElsewhere() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret"), "file-secret-0123456789\n");
        Path env = Files.writeString(dir.resolve("ci.env"), """
                # CI secrets
                export PLAIN=plain-value-0123456789
                SINGLE='single quoted # not a comment'
                DOUBLE="double \\"quoted\\" value"
                COMMENTED=unquoted-value-42 # a comment

                FROM_ENV=env:KATALON_KEY
                FROM_FILE=file:%s
                """.formatted(secret));
        Cli cli = cli();

        int status = cli.run(
                "run",
                "--env-file",
                env.toString(),
                "--",
                "sh",
                "-c",
                "for v in PLAIN SINGLE DOUBLE COMMENTED FROM_ENV FROM_FILE; do eval \"echo $v=\\$$v\"; done;"
                        + " test \"$SINGLE\" = 'single quoted # not a comment' && test \"$DOUBLE\" = 'double"
                        + " \"quoted\" value' && test \"$COMMENTED\" = unquoted-value-42 && test \"$FROM_ENV\" = "
                        + KEY + " && test \"$FROM_FILE\" = file-secret-0123456789 && echo same");

        assertThat(status).isZero();
        assertThat(cli.stdout())
                .isEqualTo("PLAIN=****\nSINGLE=****\nDOUBLE=****\nCOMMENTED=****\nFROM_ENV=****\nFROM_FILE=****\n"
                        + "same\n");
    }

    @Test
    void badEnvFileLinesNameTheFileAndLineNeverTheValueAndStopWith64() throws IOException {
        Path env = dir.resolve("bad.env");
        List<String> bad = List.of(
                "JUST_A_NAME_s3cr3t-value",
                "1BAD=s3cr3t-value",
                "OPEN=\"s3cr3t-value",
                "QUOTED='s3cr3t-value' trailing",
                "TWICE=s3cr3t-value-1\nTWICE=s3cr3t-value-2");
        Cli cli = cli();
        for (String line : bad) {
            Files.writeString(env, "OK=fine-value-0123\n" + line + "\n");
            assertThat(cli.run("run", "--env-file", env.toString(), "--", "true"))
                    .as(line)
                    .isEqualTo(64);
        }

        assertThat(cli.stderr().lines().toList())
                .containsExactly(
                        "run: Line 2 of " + env + " is not NAME=value. Write it as NAME=value, or make it a comment"
                                + " with #.",
                        "run: Line 2 of " + env + " does not start with a variable name. Use letters, digits and"
                                + " underscores, not starting with a digit, before the =.",
                        "run: Line 2 of " + env + " opens a \" quote that does not close on that line. Close it.",
                        "run: Line 2 of " + env + " has text after the closing quote. Put the whole value inside the"
                                + " quotes.",
                        "run: Line 3 of " + env + " sets TWICE again; line 2 of " + env + " set it already. Keep one of"
                                + " them.");
        assertThat(cli.stderr()).doesNotContain("s3cr3t");
    }

    @Test
    void envFileMakesKeyOptionalAndItsValuesAreCheckedLikeKeys() throws IOException {
        Path env = Files.writeString(dir.resolve("short.env"), "PIN=12\n");
        Cli cli = cli();

        assertThat(cli.run("run", "--env-file", env.toString(), "--", "true")).isEqualTo(65);

        assertThat(cli.stderr())
                .startsWith("run: PIN (" + env + " line 1) cannot be used: ")
                .doesNotContain("12\n");
    }

    @Test
    void dryRunPrintsNamesAndPathsAndStartsNothing() {
        Cli cli = cli();

        int status = cli.run(
                "run",
                "--dry-run",
                "--key",
                "ke=env:KATALON_KEY",
                "--preset",
                "ke=katalon",
                "--key-file",
                "ke",
                "--agent-config",
                "ke",
                "--agent-config-path",
                dir.resolve("work/../agentconfig").toString(),
                "--key",
                "x=env:XRAY_SECRET",
                "--preset",
                "x=xray",
                "--client-id",
                "x=env:XRAY_ID",
                "--exchange-token",
                "x",
                "--",
                "sh",
                "-c",
                "touch " + dir.resolve("started"));

        assertThat(status).isZero();
        String pid = Long.toString(ProcessHandle.current().pid());
        assertThat(cli.stdout().lines().toList())
                .containsExactly(
                        "variable KATALON_API_KEY",
                        "variable KATALON_ARGS",
                        "variable XRAY_CLIENT_SECRET",
                        "variable XRAY_CLIENT_ID",
                        "file KATALON_API_KEY_FILE " + dir.resolve("api-keys-" + pid + "/1/key"),
                        "file KATALON_AGENT_CONFIG " + dir.resolve("agentconfig"),
                        "token XRAY_TOKEN from https://xray.cloud.getxray.app");
        assertThat(cli.stdout() + cli.stderr()).doesNotContain(KEY, XRAY_SECRET);
        assertThat(dir.resolve("started")).doesNotExist();
        assertThat(dir.resolve("agentconfig")).doesNotExist();
    }

    @Test
    void noMaskingPassesOutputThroughWithAWarning() {
        Cli cli = cli();

        assertThat(cli.run("run", "--no-masking", "--key", "k=env:KATALON_KEY", "--", "sh", "-c", "echo $API_KEY"))
                .isZero();

        assertThat(cli.stdout()).isEqualTo(KEY + "\n");
        assertThat(cli.stderr())
                .isEqualTo("run: warning: --no-masking: the command's output is passed through untouched, so any key"
                        + " it prints appears in clear.\n");
    }

    @Test
    void mergeOutputKeepsTheOrderOfBothStreamsAndMasksOnce() {
        Cli cli = cli();
        String script = "for i in 1 2 3; do echo \"out $i $API_KEY\"; echo \"err $i $API_KEY\" >&2; done";

        assertThat(cli.run("run", "--merge-output", "--key", "k=env:KATALON_KEY", "--", "sh", "-c", script))
                .isZero();

        assertThat(cli.stdout()).isEqualTo("out 1 ****\nerr 1 ****\nout 2 ****\nerr 2 ****\nout 3 ****\nerr 3 ****\n");
        assertThat(cli.stderr()).isEmpty();
    }

    @Test
    void argsVariableLetsTwoKatalonKeysBeBoundAtOnce() {
        Cli cli = cli();

        int status = cli.run(
                "run",
                "--key",
                "cloud=env:KATALON_KEY",
                "--preset",
                "cloud=katalon",
                "--key",
                "onprem=env:ONPREM_KEY",
                "--preset",
                "onprem=katalon-onprem",
                "--server-url",
                "onprem=https://testops.example.com",
                "--variable",
                "onprem=ONPREM_KEY_VALUE",
                "--args-variable",
                "onprem=ONPREM_ARGS",
                "--",
                "sh",
                "-c",
                "test \"$KATALON_ARGS\" = \"-apiKey=" + KEY + "\" && test \"$ONPREM_ARGS\" = \"-apiKeyOnPremise="
                        + ONPREM + " -testOps.serverUrl=https://testops.example.com\" && echo both");

        assertThat(status).isZero();
        assertThat(cli.stdout()).isEqualTo("both\n");
    }

    @Test
    void agentConfigAtAChosenPathIsOwnerOnlyAndLeavesNoCopyBehind() {
        Path agentConfig = dir.resolve("agentconfig");
        Cli cli = cli();

        int status = cli.run(
                "run",
                "--key",
                "agent=env:ONPREM_KEY",
                "--preset",
                "agent=katalon-onprem",
                "--server-url",
                "agent=https://testops.example.com",
                "--agent-config",
                "agent",
                "--agent-config-path",
                agentConfig.toString(),
                "--agent-organization",
                "42",
                "--",
                "sh",
                "-c",
                "echo \"$KATALON_AGENT_CONFIG\"; stat -L -c %a \"$KATALON_AGENT_CONFIG\"; cd \"$1\" && cat agentconfig",
                "sh",
                dir.toString());

        assertThat(status).isZero();
        assertThat(cli.stdout()).startsWith(agentConfig + "\n600\n").contains("organizationId=42");
        assertThat(agentConfig).doesNotExist();
        assertThat(dir.toFile().list())
                .doesNotContain("api-keys-" + ProcessHandle.current().pid());
    }

    @Test
    void agentConfigPathRefusesToOverwriteAFile() throws IOException {
        Path existing = Files.writeString(dir.resolve("agentconfig"), "apikey=old\n");
        Cli cli = cli();

        int status = cli.run(
                "run",
                "--key",
                "agent=env:KATALON_KEY",
                "--preset",
                "agent=katalon",
                "--agent-config",
                "agent",
                "--agent-config-path",
                existing.toString(),
                "--",
                "true");

        assertThat(status).isEqualTo(64);
        assertThat(cli.stderr()).contains(existing + " already exists, and run does not overwrite files.");
        assertThat(existing).hasContent("apikey=old");
    }

    private String startServer(int status, String body, AtomicReference<String> request, AtomicInteger calls)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/authenticate", exchange -> {
            calls.incrementAndGet();
            request.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private int xrayRun(Cli cli, String url, String script) {
        return cli.run(
                "run",
                "--key",
                "x=env:XRAY_SECRET",
                "--preset",
                "x=xray",
                "--client-id",
                "x=env:XRAY_ID",
                "--exchange-token",
                "x",
                "--xray-url",
                url,
                "--",
                "sh",
                "-c",
                script);
    }

    @Test
    void exchangedTokenIsBoundAsXrayTokenAndMasked() throws IOException {
        AtomicReference<String> request = new AtomicReference<>();
        AtomicInteger calls = new AtomicInteger();
        String url = startServer(200, "\"" + TOKEN + "\"", request, calls);
        Cli cli = cli();

        int status =
                xrayRun(cli, url, "echo \"Bearer $XRAY_TOKEN\"; test \"$XRAY_TOKEN\" = " + TOKEN + " && echo same");

        assertThat(status).isZero();
        assertThat(cli.stdout()).isEqualTo("Bearer ****\nsame\n");
        assertThat(calls).hasValue(1);
        assertThat(request.get()).contains("\"client_id\":\"" + XRAY_ID + "\"");
    }

    @Test
    void failedExchangeNamesTheHttpStatusNeverTheSecretAndStartsNothing() throws IOException {
        String url = startServer(401, "{\"error\":\"bad\"}", new AtomicReference<>(), new AtomicInteger());
        Cli cli = cli();

        int status = xrayRun(cli, url, "touch " + dir.resolve("started"));

        assertThat(status).isEqualTo(69);
        assertThat(cli.stderr())
                .startsWith("run: Key 'x' (env:XRAY_SECRET) could not be exchanged for a token: " + url
                        + "/api/v1/authenticate refused" + " the client id and secret (HTTP 401).")
                .doesNotContain(XRAY_SECRET);
        assertThat(dir.resolve("started")).doesNotExist();
    }

    @Test
    void xrayUrlMustBeAnHttpUrlAndNeedsAnExchange() {
        Cli cli = cli();

        assertThat(xrayRun(cli, "ftp://example.com", "true")).isEqualTo(64);
        assertThat(cli.run("run", "--key", "k=env:KATALON_KEY", "--xray-url", "https://example.com", "--", "true"))
                .isEqualTo(64);

        assertThat(cli.stderr().lines().toList())
                .containsExactly(
                        "run: --xray-url 'ftp://example.com' is not an absolute http or https URL. Give the base URL,"
                                + " such as https://xray.cloud.getxray.app.",
                        "run: --xray-url and --xray-region apply only with --exchange-token NAME or --verify.");
    }
}
