package io.jenkins.plugins.apikey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.apikey.mask.SecretForms;
import io.jenkins.plugins.apikey.testing.FakeService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code api-keys scan}: reports, exit status, redaction, and no key in any output. */
class ScanCommandTest {

    private static final String KATALON = "3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f1d07";
    private static final String OTHER_KATALON = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b9c2e";
    private static final String SECRET = "Tok3n-for-deploys_42";

    @TempDir
    Path dir;

    private Cli cli;
    private Path jobs;
    private Path log;
    private Path config;
    private String basic;

    @BeforeEach
    void jenkinsHome() throws Exception {
        cli = new Cli(Map.of("KATALON_API_KEY", KATALON, "DEPLOY_TOKEN", SECRET, "EMPTY", ""));
        jobs = dir.resolve("jobs");
        basic = Base64.getEncoder().encodeToString((":" + KATALON).getBytes(StandardCharsets.UTF_8));
        log = write("nightly/builds/41/log", "Started\n> Authorization: Basic " + basic + "\nFinished: SUCCESS\n");
        config = write(
                "nightly/config.xml",
                "<project>\n  <command>katalonc -apiKey=" + OTHER_KATALON + "</command>\n</project>\n");
        write("clean/config.xml", "<project/>\n");
    }

    private Path write(String name, String content) throws Exception {
        Path file = jobs.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private int scan(String... args) {
        return cli.run("scan", args);
    }

    @Test
    void reportsEachFindingOnALineAndExitsOne() {
        int status = scan("--secret-env", "KATALON_API_KEY", "--preset", "KATALON_API_KEY=katalon", jobs.toString());

        assertThat(status).isEqualTo(1);
        assertThat(cli.stdout())
                .isEqualTo(log + ":2:24: KATALON_API_KEY base64 …1d07\n" + config + ":2:29: katalon plain …9c2e\n");
        assertThat(cli.stderr())
                .endsWith("scan: 2 keys found in 2 files; 3 files scanned (" + (Files.exists(log) ? sizes() : 0)
                        + " bytes).\n");
        assertNoSecret(cli.stdout() + cli.stderr());
    }

    private long sizes() {
        try (var files = Files.walk(jobs)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void exitsZeroWhenNothingIsFound() {
        int status = scan("--secret-env", "DEPLOY_TOKEN", jobs.resolve("clean").toString());

        assertThat(status).isZero();
        assertThat(cli.stdout()).isEmpty();
        assertThat(cli.stderr()).isEqualTo("scan: 0 keys found in 0 files; 1 file scanned (11 bytes).\n");
    }

    @Test
    void exitsTwoWhenAPathIsMissingAndNothingIsFound() {
        Path missing = dir.resolve("no-such-dir");

        int status = scan(missing.toString(), jobs.resolve("clean").toString());

        assertThat(status).isEqualTo(2);
        assertThat(cli.stderr()).contains("scan: " + missing).contains("1 path not scanned");
    }

    @Test
    void exitsOneWhenKeysAreFoundEvenIfAPathIsMissing() {
        assertThat(scan(dir.resolve("no-such-dir").toString(), jobs.toString())).isEqualTo(1);
    }

    @Test
    void exitsTwoWhenAFileCannotBeRead() {
        Path unreadable = Path.of("/proc/self/mem");
        org.assertj.core.api.Assumptions.assumeThat(Files.isRegularFile(unreadable))
                .isTrue();

        int status = scan(unreadable.toString(), jobs.resolve("clean").toString());

        assertThat(status).isEqualTo(2);
        assertThat(cli.stderr()).contains(unreadable + " cannot be read");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--format=xml",
                "--no-such-option",
                "--secret-env=UNSET_VARIABLE",
                "--secret-env=EMPTY",
                "--verify-url=katalon=https://x.example",
                "--preset=NOT_GIVEN=katalon",
                "--preset=KATALON_API_KEY=nonsense"
            })
    void exitsTwoOnABadCommandLineBeforeReadingAnything(String option) throws Exception {
        String before = Files.readString(log);

        int status = scan("--secret-env", "KATALON_API_KEY", "--redact", option, jobs.toString());

        assertThat(status).isEqualTo(2);
        assertThat(cli.stdout()).isEmpty();
        assertThat(cli.stderr()).startsWith("scan: ").doesNotContain(KATALON);
        assertThat(Files.readString(log)).isEqualTo(before);
    }

    @Test
    void exitsTwoWithoutAPath() {
        assertThat(scan("--secret-env", "KATALON_API_KEY")).isEqualTo(2);
        assertThat(cli.stderr()).contains("PATH");
    }

    @Test
    void namesAKnownKeyFromAFileByThePath() throws Exception {
        Path secretFile = dir.resolve("deploy.secret");
        Files.writeString(secretFile, SECRET + "\n");
        write("nightly/builds/42/log", "curl -H 'X-Token: " + SECRET + "'\n");

        scan(
                "--secret-file",
                secretFile.toString(),
                jobs.resolve("nightly/builds/42").toString());

        assertThat(cli.stdout()).contains(":1:19: " + secretFile + " plain …s_42\n");
    }

    @Test
    void writesJsonAndSarifThatParse() throws Exception {
        ObjectMapper mapper = new ObjectMapper();

        assertThat(scan("--format", "json", "--secret-env", "KATALON_API_KEY", jobs.toString()))
                .isEqualTo(1);
        JsonNode json = mapper.readTree(cli.stdout());
        assertThat(json.findValuesAsText("rule")).containsExactly("KATALON_API_KEY", "katalon");
        assertThat(json.findValuesAsText("path")).containsExactly(log.toString(), config.toString());
        assertNoSecret(cli.stdout() + cli.stderr());

        cli = new Cli(Map.of("KATALON_API_KEY", KATALON));
        assertThat(scan("--format", "sarif", "--secret-env", "KATALON_API_KEY", jobs.toString()))
                .isEqualTo(1);
        JsonNode sarif = mapper.readTree(cli.stdout());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode results = sarif.get("runs").get(0).get("results");
        assertThat(results.findValuesAsText("ruleId")).containsExactly("KATALON_API_KEY", "katalon");
        assertThat(results.get(0).findValue("uri").asText())
                .isEqualTo(log.toUri().toString());
        assertThat(results.get(0).findValue("startLine").asInt()).isEqualTo(2);
        assertThat(results.get(0).findValue("startColumn").asInt()).isEqualTo(26);
        assertNoSecret(cli.stdout() + cli.stderr());
    }

    @Test
    void writesTheReportToAFileThatIsNotScannedItself() throws Exception {
        Path report = jobs.resolve("scan.sarif");

        int status = scan(
                "--format", "sarif", "--output", report.toString(), "--secret-env", "KATALON_API_KEY", jobs.toString());

        assertThat(status).isEqualTo(1);
        assertThat(cli.stdout()).isEmpty();
        JsonNode results =
                new ObjectMapper().readTree(report.toFile()).get("runs").get(0).get("results");
        assertThat(results).hasSize(2);
        assertNoSecret(Files.readString(report));
    }

    @Test
    void exitsTwoWhenTheReportCannotBeWritten() {
        int status = scan("--output", dir.resolve("no/such/dir/report.txt").toString(), jobs.toString());

        assertThat(status).isEqualTo(2);
        assertThat(cli.stderr()).contains("cannot be written");
    }

    @Test
    void redactsTheFilesWithFindingsExitsOneAndSaysWhatChanged() throws Exception {
        Path clean = jobs.resolve("clean/config.xml");
        long cleanModified = Files.getLastModifiedTime(clean).toMillis();

        int status = scan("--redact", "--secret-env", "KATALON_API_KEY", jobs.toString());

        assertThat(status).isEqualTo(1);
        // as mask masks it: the Base64 of the key, without the characters that also encode ":" and the padding
        assertThat(Files.readString(log)).isEqualTo("Started\n> Authorization: Basic Oj****==\nFinished: SUCCESS\n");
        assertThat(Files.readString(config))
                .isEqualTo("<project>\n  <command>katalonc -apiKey=****</command>\n</project>\n");
        assertThat(Files.getLastModifiedTime(clean).toMillis()).isEqualTo(cleanModified);
        assertThat(cli.stderr())
                .contains("scan: redacted " + config + ": 1 place replaced by ****.\n")
                .contains("scan: redacted " + log + ": 1 place replaced by ****.\n")
                .contains("2 files redacted");
        assertNoSecret(cli.stdout() + cli.stderr());

        cli = new Cli(Map.of("KATALON_API_KEY", KATALON));
        assertThat(scan("--secret-env", "KATALON_API_KEY", jobs.toString())).isZero();
    }

    @Test
    void redactsTheWholeHeaderValueThatTheKatalonPresetDerives() throws Exception {
        int status = scan(
                "--redact", "--secret-env", "KATALON_API_KEY", "--preset", "KATALON_API_KEY=katalon", log.toString());

        assertThat(status).isEqualTo(1);
        assertThat(Files.readString(log)).isEqualTo("Started\n> Authorization: Basic ****\nFinished: SUCCESS\n");
    }

    @Test
    void verifiesEachKeyFoundOnceAndMarksItsFindings() throws Exception {
        write("nightly/builds/42/log", "katalonc -apiKey=" + OTHER_KATALON + "\nagain -apiKey=" + OTHER_KATALON + "\n");
        try (FakeService service = FakeService.start()) {
            service.answer(200, "{\"access_token\":\"t0ken-from-the-service\",\"token_type\":\"bearer\"}");

            int status = scan(
                    "--verify",
                    "--verify-url",
                    "katalon=" + service.url(),
                    jobs.resolve("nightly/builds/42").toString(),
                    config.toString());

            assertThat(status).isEqualTo(1);
            assertThat(service.requests()).hasSize(1);
            assertThat(cli.stdout().lines())
                    .containsExactly(
                            jobs.resolve("nightly/builds/42/log") + ":1:18: katalon plain …9c2e live",
                            jobs.resolve("nightly/builds/42/log") + ":2:15: katalon plain …9c2e live",
                            config + ":2:29: katalon plain …9c2e live");
            assertThat(cli.stderr()).contains("scan: verification: katalon katalon …9c2e live 200");
            assertThat(cli.stdout() + cli.stderr()).doesNotContain("t0ken-from-the-service");
            assertNoSecret(cli.stdout() + cli.stderr());
        }
    }

    @Test
    void theHelpShowsTheExitStatus() {
        assertThat(scan("--help")).isZero();
        assertThat(cli.stdout()).contains("Exit status:").contains("--redact").contains("--format");
    }

    private static void assertNoSecret(String output) {
        for (String secret : List.of(KATALON, OTHER_KATALON, SECRET)) {
            for (String form : SecretForms.of(secret)) {
                if (form.length() >= 8) {
                    assertThat(output.contains(form))
                            .as("the output holds a form of a secret (%d bytes)", form.length())
                            .isFalse();
                }
            }
        }
    }
}
