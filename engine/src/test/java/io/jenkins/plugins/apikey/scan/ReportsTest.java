package io.jenkins.plugins.apikey.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.apikey.mask.Occurrence;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text, JSON and SARIF reports: what each holds for a finding, and nothing else. */
class ReportsTest {

    private static final Leak KNOWN = new Leak(
            Path.of("jobs/night ly/builds/41/log"),
            1200,
            52,
            212,
            37,
            212,
            89,
            35,
            87,
            "KATALON_API_KEY",
            true,
            "katalon",
            "base64",
            "…1d07",
            1,
            null,
            List.of(new Occurrence.Range(1210, 1220)));
    private static final Leak SHAPE = new Leak(
            Path.of("jobs/nightly/config.xml"),
            400,
            36,
            18,
            42,
            18,
            78,
            0,
            0,
            "katalon",
            false,
            "katalon",
            "plain",
            "…9c2e",
            2,
            Liveness.DEAD,
            List.of());

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String write(ReportFormat format, Leak... leaks) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriter writer = format.open(out, "1.2.3");
        for (Leak leak : leaks) {
            writer.leak(leak);
        }
        writer.finish(new ScanSummary(2, 0, 5000, 2, leaks.length, 0));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void textHasOneLinePerFindingWithPathLineColumnRuleFormAndHint() throws Exception {
        assertThat(write(ReportFormat.TEXT, KNOWN, SHAPE))
                .isEqualTo("jobs/night ly/builds/41/log:212:37: KATALON_API_KEY base64 …1d07\n"
                        + "jobs/nightly/config.xml:18:42: katalon plain …9c2e dead\n");
    }

    @Test
    void textShowsADashForNoHint() throws Exception {
        Leak noHint = new Leak(
                Path.of("log"), 0, 8, 1, 1, 1, 9, 1, 9, "TOKEN", true, "generic", "plain", "", 1, null, List.of());

        assertThat(write(ReportFormat.TEXT, noHint)).isEqualTo("log:1:1: TOKEN plain -\n");
    }

    @Test
    void jsonIsOneArrayWithAnObjectPerFinding() throws Exception {
        JsonNode array = JSON.readTree(write(ReportFormat.JSON, KNOWN, SHAPE));

        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(2);
        JsonNode first = array.get(0);
        assertThat(first.get("path").asText()).isEqualTo("jobs/night ly/builds/41/log");
        assertThat(first.get("line").asLong()).isEqualTo(212);
        assertThat(first.get("column").asLong()).isEqualTo(37);
        assertThat(first.get("endColumn").asLong()).isEqualTo(89);
        assertThat(first.get("offset").asLong()).isEqualTo(1200);
        assertThat(first.get("length").asLong()).isEqualTo(52);
        assertThat(first.get("rule").asText()).isEqualTo("KATALON_API_KEY");
        assertThat(first.get("known").asBoolean()).isTrue();
        assertThat(first.get("form").asText()).isEqualTo("base64");
        assertThat(first.get("hint").asText()).isEqualTo("…1d07");
        assertThat(first.has("liveness")).isFalse();
        assertThat(array.get(1).get("liveness").asText()).isEqualTo("dead");
        assertThat(array.get(1).get("known").asBoolean()).isFalse();
    }

    @Test
    void jsonOfNoFindingIsAnEmptyArray() throws Exception {
        assertThat(JSON.readTree(write(ReportFormat.JSON)).isEmpty()).isTrue();
        assertThat(JSON.readTree(write(ReportFormat.JSON)).isArray()).isTrue();
    }

    @Test
    void sarifHasOneRunWithAResultPerFindingAndARulePerRule() throws Exception {
        JsonNode sarif = JSON.readTree(write(ReportFormat.SARIF, KNOWN, SHAPE, KNOWN));

        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.get("$schema").asText()).isEqualTo(JacksonReports.SARIF_SCHEMA);
        assertThat(sarif.get("runs")).hasSize(1);
        JsonNode run = sarif.get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertThat(driver.get("name").asText()).isEqualTo("api-keys");
        assertThat(driver.get("version").asText()).isEqualTo("1.2.3");
        assertThat(driver.get("rules").findValuesAsText("id")).containsExactly("KATALON_API_KEY", "katalon");
        assertThat(driver.get("rules")
                        .get(0)
                        .get("shortDescription")
                        .get("text")
                        .asText())
                .contains("KATALON_API_KEY");
        JsonNode results = run.get("results");
        assertThat(results).hasSize(3);
        JsonNode result = results.get(0);
        assertThat(result.get("ruleId").asText()).isEqualTo("KATALON_API_KEY");
        assertThat(result.get("level").asText()).isEqualTo("error");
        assertThat(result.get("message").get("text").asText())
                .startsWith("Known key KATALON_API_KEY (Katalon API key …1d07) written as base64. Rotate the key");
        JsonNode location = result.get("locations").get(0).get("physicalLocation");
        assertThat(location.get("artifactLocation").get("uri").asText()).isEqualTo("jobs/night%20ly/builds/41/log");
        JsonNode region = location.get("region");
        assertThat(run.get("columnKind").asText()).isEqualTo("utf16CodeUnits");
        assertThat(region.get("startLine").asLong()).isEqualTo(212);
        assertThat(region.get("startColumn").asLong())
                .as("in UTF-16 code units")
                .isEqualTo(35);
        assertThat(region.get("endLine").asLong()).isEqualTo(212);
        assertThat(region.get("endColumn").asLong()).isEqualTo(87);
        assertThat(region.get("byteOffset").asLong()).isEqualTo(1200);
        assertThat(region.get("byteLength").asLong()).isEqualTo(52);
        JsonNode unknownColumns =
                results.get(1).get("locations").get(0).get("physicalLocation").get("region");
        assertThat(unknownColumns.has("startColumn")).isFalse();
        assertThat(unknownColumns.has("endColumn")).isFalse();
        assertThat(unknownColumns.get("byteOffset").asLong()).isEqualTo(400);
        assertThat(results.get(1).get("message").get("text").asText()).contains("rejected");
        assertThat(results.get(1).get("properties").get("hint").asText()).isEqualTo("…9c2e");
    }

    @Test
    void sarifOfNoFindingHasAnEmptyRunThatReadersAccept() throws Exception {
        JsonNode run = JSON.readTree(write(ReportFormat.SARIF)).get("runs").get(0);

        assertThat(run.get("results").isEmpty()).isTrue();
        assertThat(run.get("tool").get("driver").get("rules").isEmpty()).isTrue();
    }

    @Test
    void sarifUrisAreRelativeForRelativePathsAndFileUrisForAbsoluteOnes() {
        assertThat(JacksonReports.uri(Path.of("jobs/a b/ä#1/log"))).isEqualTo("jobs/a%20b/%C3%A4%231/log");
        assertThat(JacksonReports.uri(Path.of("/var/lib/jenkins/jobs/x/log")))
                .isEqualTo("file:///var/lib/jenkins/jobs/x/log");
    }
}
