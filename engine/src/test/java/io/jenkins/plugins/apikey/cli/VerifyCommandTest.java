package io.jenkins.plugins.apikey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.apikey.testing.FakeService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify} and {@code run --verify} against a service on 127.0.0.1. */
class VerifyCommandTest {

    private static final String KEY = "3f2b8c1e-7d4a-4b9e-a1c2-5e6f7a8b1d07";
    private static final String XRAY_ID = "0123456789ABCDEF0123456789ABCDEF";
    private static final String XRAY_SECRET = "5e8f0a7c9b1d3e2f4a6c8b0d1e3f5a7c9b2d4e6f8a0c1b3d5e7f9a2c4b6d8e0f";
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjbGkifQ.c2lnbmF0dXJlLWNsaQ";
    private static final String OAUTH_TOKEN = "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\"}";
    private static final String HTTP_WARNING = "verify: warning: Key 'ke' (env:KATALON_KEY): The server URL uses http,"
            + " so the API key would cross the network unencrypted. Use https if the server supports it.";

    @TempDir
    Path dir;

    private FakeService service;
    private Cli cli;

    @BeforeEach
    void start() throws IOException {
        service = FakeService.start();
        cli = new Cli(Map.of(
                "PATH", System.getenv("PATH"),
                "TMPDIR", dir.toString(),
                "KATALON_KEY", KEY,
                "XRAY_ID", XRAY_ID,
                "XRAY_SECRET", XRAY_SECRET));
    }

    @AfterEach
    void stop() {
        service.close();
        assertThat(cli.stdout() + cli.stderr()).doesNotContain(KEY, XRAY_SECRET, TOKEN);
    }

    /** The options of an Xray Cloud key verified at the test service. */
    private List<String> xray() {
        return List.of(
                "--key",
                "x=env:XRAY_SECRET",
                "--preset",
                "x=xray",
                "--client-id",
                "x=env:XRAY_ID",
                "--xray-url",
                service.url().toString());
    }

    /** Runs {@code command} with the options of {@code xray()} and then {@code more}. */
    private int withXray(String command, String... more) {
        List<String> args = new ArrayList<>(xray());
        args.addAll(List.of(more));
        return cli.run(command, args.toArray(String[]::new));
    }

    /** {@code verify} for an on-premise key at the test service, then {@code more} options. */
    private int verifyOnPremise(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--key", "ke=env:KATALON_KEY", "--preset", "ke=katalon-onprem", "--server-url", "ke=" + service.url()));
        args.addAll(List.of(more));
        return cli.run("verify", args.toArray(String[]::new));
    }

    @Test
    void aValidKeyIsOneLineOnStandardOutputAndStatusZero() {
        service.answer(200, OAUTH_TOKEN);

        assertThat(verifyOnPremise()).isZero();

        assertThat(cli.stdout()).matches("ke katalon-onprem …1d07 valid 200 \\d+ms\n");
        assertThat(cli.stderr().lines()).containsExactly(HTTP_WARNING);
        assertThat(service.requests()).singleElement().satisfies(request -> assertThat(request.text())
                .isEqualTo("grant_type=password&username=&password=" + KEY));
    }

    @Test
    void aRejectedKeyIsStatusOneAndStandardErrorSaysWhy() {
        service.answer(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Bad credentials\"}");

        assertThat(verifyOnPremise()).isEqualTo(1);

        assertThat(cli.stdout()).matches("ke katalon-onprem …1d07 rejected 400 \\d+ms\n");
        assertThat(cli.stderr().lines())
                .containsExactly(
                        HTTP_WARNING,
                        "verify: Key 'ke' was rejected: " + service.url() + "/oauth/token rejected the key (HTTP 400,"
                                + " invalid_grant): it is wrong, expired or revoked, or belongs to another server or"
                                + " region. Create a new API key in Katalon TestOps (Settings > API Keys) and use it"
                                + " instead.");
    }

    @Test
    void keysThatCouldNotBeCheckedAreStatusTwo() {
        service.answer(503, "maintenance");

        int status = verifyOnPremise("--key", "g=env:KATALON_KEY");

        assertThat(status).isEqualTo(2);
        assertThat(cli.stdout().lines())
                .hasSize(2)
                .satisfiesExactly(
                        line -> assertThat(line).matches("ke katalon-onprem …1d07 unknown 503 \\d+ms"),
                        line -> assertThat(line).isEqualTo("g generic …1d07 unknown - 0ms"));
        assertThat(cli.stderr())
                .contains(
                        "verify: Key 'ke' could not be verified: " + service.url() + "/oauth/token failed (HTTP 503)",
                        "verify: Key 'g' could not be verified: The API key was not checked and nothing was sent");
        assertThat(service.requests()).hasSize(1);
    }

    @Test
    void aRejectionOutweighsAKeyThatCouldNotBeChecked() {
        service.answer(401, "");
        assertThat(verifyOnPremise("--key", "g=env:KATALON_KEY")).isEqualTo(1);

        service.answer(200, OAUTH_TOKEN);
        assertThat(verifyOnPremise("--key", "g=env:KATALON_KEY")).isEqualTo(2);
    }

    @Test
    void xrayKeysAreVerifiedAtTheGivenBaseUrl() {
        service.answer(200, "\"" + TOKEN + "\"");

        int status = withXray("verify");

        assertThat(status).isZero();
        assertThat(cli.stdout()).matches("x xray …CDEF valid 200 \\d+ms\n");
        assertThat(service.requests()).singleElement().satisfies(request -> {
            assertThat(request.target()).isEqualTo("/api/v1/authenticate");
            assertThat(request.text()).contains("\"client_id\":\"" + XRAY_ID + "\"");
        });
    }

    @Test
    void badOptionsAreStatus64AndNothingIsSent() {
        assertThat(cli.run("verify")).isEqualTo(64);
        assertThat(cli.run("verify", "--frobnicate")).isEqualTo(64);
        assertThat(cli.run("verify", "--key", "k=env:KATALON_KEY", "--preset", "k=katalon", "--xray-region", "EU"))
                .isEqualTo(64);
        assertThat(cli.run("verify", "--key", "k=env:KATALON_KEY", "--preset", "k=testops"))
                .isEqualTo(64);

        assertThat(cli.stderr().lines())
                .containsExactly(
                        "verify: No keys given. Give at least one --key NAME=env:VAR, NAME=file:PATH or NAME=stdin.",
                        "verify: Unknown option: '--frobnicate'. Run 'api-keys verify --help' for the options.",
                        "verify: --xray-url and --xray-region apply only to xray keys.",
                        "verify: Unknown preset 'testops' for key 'k'. Use one of katalon, katalon-onprem, xray, katalo,"
                                + " generic.");
        assertThat(cli.stdout()).isEmpty();
        assertThat(service.requests()).isEmpty();
    }

    @Test
    void aKeyThatFailsItsPresetsChecksOrCannotBeReadIsNeverSent() {
        assertThat(cli.input("a1b2c3d\n").run("verify", "--key", "k=stdin", "--preset", "k=katalon"))
                .isEqualTo(65);
        assertThat(cli.run("verify", "--key", "k=env:UNSET_KEY", "--preset", "k=katalon"))
                .isEqualTo(66);

        assertThat(cli.stderr().lines())
                .hasSize(2)
                .satisfiesExactly(
                        line -> assertThat(line)
                                .startsWith("verify: Key 'k' (stdin) cannot be used: The Katalon API key is only 7"),
                        line -> assertThat(line).startsWith("verify: Key 'k' (env:UNSET_KEY): "));
        assertThat(cli.stdout()).isEmpty();
        assertThat(service.requests()).isEmpty();
    }

    @Test
    void helpExplainsTheOutputTheStatusesAndGivesAnExample() {
        assertThat(cli.run("verify", "--help")).isZero();

        assertThat(cli.stdout())
                .contains(
                        "Usage: api-keys verify --key NAME=SOURCE [--preset NAME=PRESET] [OPTIONS]",
                        "one line per key",
                        "https://testops.katalon.io/oauth/token",
                        "1   a service rejected a key",
                        "2   no key was rejected, but one could not be checked",
                        "api-keys verify --key ke=env:KATALON_API_KEY --preset ke=katalon \\\n",
                        "      --client-id x=env:XRAY_CLIENT_ID --xray-region EU\n",
                        "Example: --server-url ke=https://",
                        "--xray-region");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void runVerifyStopsWith65BeforeTheCommandWhenAKeyIsRejected() {
        service.answer(401, "{\"error\":\"unauthorized\"}");
        Path started = dir.resolve("started");

        int status = cli.run(
                "run",
                "--verify",
                "--key",
                "ke=env:KATALON_KEY",
                "--preset",
                "ke=katalon-onprem",
                "--server-url",
                "ke=" + service.url(),
                "--",
                "touch",
                started.toString());

        assertThat(status).isEqualTo(65);
        assertThat(started).doesNotExist();
        assertThat(cli.stderr())
                .containsPattern("run: verification: ke katalon-onprem …1d07 rejected 401 \\d+ms\n")
                .contains("run: Key 'ke' (env:KATALON_KEY) was rejected, so the command was not started: "
                        + service.url() + "/oauth/token rejected the key (HTTP 401, unauthorized)");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void runVerifyWarnsAndGoesOnWhenAKeyCouldNotBeChecked() {
        service.answer(200, "\"" + TOKEN + "\"");

        int status = withXray(
                "run", "--verify", "--key", "g=env:KATALON_KEY", "--", "sh", "-c", "echo \"started with $API_KEY\"");

        assertThat(status).isZero();
        assertThat(cli.stdout()).isEqualTo("started with ****\n");
        assertThat(cli.stderr())
                .containsPattern("run: verification: x xray …CDEF valid 200 \\d+ms\n")
                .contains(
                        "run: verification: g generic …1d07 unknown - 0ms\n",
                        "run: warning: Key 'g' (env:KATALON_KEY) could not be verified: The API key was not checked and nothing was"
                                + " sent");
        assertThat(service.requests()).hasSize(1);
    }
}
