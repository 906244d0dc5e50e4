package io.jenkins.plugins.apikey.manage;

import static io.jenkins.plugins.apikey.TestKeys.KATALON_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.apikey.TestKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.jenkinsci.plugins.workflow.actions.LogAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class HistoryScanTest {

    private static final String BASIC =
            Base64.getEncoder().encodeToString((":" + KATALON_KEY).getBytes(StandardCharsets.UTF_8));

    private JenkinsRule j;
    private JenkinsRule.WebClient admin;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        TestKeys.adminAndReader(j);
        TestKeys.store(j.jenkins, TestKeys.apiKey("katalon-nightly", "katalon", KATALON_KEY));
        admin = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        admin.login("admin");
        admin.setRefreshHandler((page, url, seconds) -> {});
    }

    private static Page post(JenkinsRule.WebClient client, String path) throws Exception {
        return client.getPage(new WebRequest(client.createCrumbedUrl("manage/api-keys/" + path), HttpMethod.POST));
    }

    /** A build from before the plugin: it printed the key, plain and in a Basic header. */
    private FreeStyleBuild leakingFreestyleBuild() throws Exception {
        FreeStyleProject job = j.createFreeStyleProject("legacy-freestyle");
        job.getBuildersList().add(new TestBuilder() {
            @Override
            public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener) {
                listener.getLogger().println("katalonc -runMode=console -apiKey=" + KATALON_KEY);
                listener.getLogger().println("> Authorization: Basic " + BASIC);
                return true;
            }
        });
        return j.buildAndAssertSuccess(job);
    }

    private WorkflowRun leakingPipelineBuild() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "legacy-pipeline");
        job.setDefinition(new CpsFlowDefinition(
                "echo 'before'\necho 'key " + KATALON_KEY + "'\necho 'Authorization: Basic " + BASIC
                        + "'\necho 'after'",
                true));
        return j.buildAndAssertSuccess(job);
    }

    private static HistoryScan awaitScan() throws InterruptedException {
        HistoryScan scan = HistoryScans.get().latest();
        assertThat(scan).isNotNull();
        for (int i = 0; i < 600 && scan.isRunning(); i++) {
            Thread.sleep(100);
        }
        assertThat(scan.isRunning()).isFalse();
        return scan;
    }

    /** The number of the first line of {@code file} that contains {@code text}, from 1. */
    private static long lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }

    private static String log(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static List<String> stepLogs(WorkflowRun run) throws IOException {
        List<FlowNode> nodes = new DepthFirstScanner().allNodes(run.getExecution());
        java.util.Collections.reverse(nodes);
        List<String> logs = new java.util.ArrayList<>();
        for (FlowNode node : nodes) {
            LogAction log = node.getAction(LogAction.class);
            if (log != null) {
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                log.getLogText().writeLogTo(0, text);
                logs.add(text.toString(StandardCharsets.UTF_8));
            }
        }
        return logs;
    }

    @Test
    void findsAndRedactsAStoredKeyInFreestyleAndPipelineLogsAndConfigurations() throws Exception {
        FreeStyleBuild freestyle = leakingFreestyleBuild();
        WorkflowRun pipeline = leakingPipelineBuild();
        assertThat(log(freestyle.getLogFile().toPath())).contains(KATALON_KEY, BASIC);

        Path freestyleLog = freestyle.getLogFile().toPath();
        Path pipelineLog = pipeline.getLogFile().toPath();
        Path pipelineConfig = pipeline.getParent().getConfigFile().getFile().toPath();
        Page started = post(admin, "startScan");
        assertThat(started.getUrl().toString()).endsWith("manage/api-keys/history");
        HistoryScan scan = awaitScan();

        assertThat(scan.getFindings())
                .extracting(
                        HistoryScan.Finding::job,
                        HistoryScan.Finding::build,
                        HistoryScan.Finding::line,
                        HistoryScan.Finding::key,
                        HistoryScan.Finding::hint,
                        HistoryScan.Finding::form)
                .containsExactlyInAnyOrder(
                        tuple(
                                "legacy-freestyle",
                                1,
                                lineOf(freestyleLog, "-apiKey="),
                                "katalon-nightly",
                                "…1d07",
                                "plain"),
                        tuple(
                                "legacy-freestyle",
                                1,
                                lineOf(freestyleLog, "Basic "),
                                "katalon-nightly",
                                "…1d07",
                                "base64"),
                        tuple(
                                "legacy-pipeline",
                                0,
                                lineOf(pipelineConfig, "echo &apos;key"),
                                "katalon-nightly",
                                "…1d07",
                                "plain"),
                        tuple(
                                "legacy-pipeline",
                                0,
                                lineOf(pipelineConfig, "Basic "),
                                "katalon-nightly",
                                "…1d07",
                                "base64"),
                        tuple("legacy-pipeline", 1, lineOf(pipelineLog, "key "), "katalon-nightly", "…1d07", "plain"),
                        tuple(
                                "legacy-pipeline",
                                1,
                                lineOf(pipelineLog, "Basic "),
                                "katalon-nightly",
                                "…1d07",
                                "base64"));
        String page = admin.goTo("manage/api-keys/history").getWebResponse().getContentAsString();
        assertThat(page).contains("legacy-freestyle", "legacy-pipeline", "#1", "config.xml", "katalon-nightly");
        assertThat(page).doesNotContain(KATALON_KEY, BASIC);

        String numbers = scan.getFindings().stream()
                .map(finding -> "finding=" + finding.number())
                .collect(Collectors.joining("&"));
        String confirm = post(admin, "redact?" + numbers).getWebResponse().getContentAsString();
        assertThat(confirm).contains("Redact 6 findings in 3 builds or job configurations?");
        assertThat(log(freestyle.getLogFile().toPath()))
                .as("nothing changes before the confirmation")
                .contains(KATALON_KEY);

        String done =
                post(admin, "redact?confirmed=true&" + numbers).getWebResponse().getContentAsString();

        assertThat(done)
                .contains(
                        "Rotate katalon-nightly",
                        "rotate?ref=" + URLEncoder.encode("jenkins::::katalon-nightly", StandardCharsets.UTF_8));
        assertThat(done).doesNotContain("Failed");
        assertThat(log(freestyleLog))
                .doesNotContain(KATALON_KEY, BASIC)
                .contains("-apiKey=****\n", "> Authorization: Basic ****\n", "Finished: SUCCESS");
        assertThat(TestKeys.filesWithAnyForm(freestyle.getRootDir(), KATALON_KEY))
                .isEmpty();
        assertThat(TestKeys.filesWithAnyForm(pipeline.getRootDir(), KATALON_KEY))
                .as("the step arguments Pipeline records are not part of the scan, the log is")
                .doesNotContain("log");
        assertThat(stepLogs(pipeline))
                .as("each step's own log still starts and ends where it did")
                .containsSubsequence("before\n", "key ****\n", "Authorization: Basic ****\n", "after\n");
        WorkflowJob pipelineJob = j.jenkins.getItemByFullName("legacy-pipeline", WorkflowJob.class);
        assertThat(((CpsFlowDefinition) pipelineJob.getDefinition()).getScript())
                .as("the job was reloaded from its redacted config.xml")
                .contains("echo 'key ****'")
                .doesNotContain(KATALON_KEY);
        assertThat(scan.getFindings())
                .allSatisfy(
                        finding -> assertThat(scan.isRedacted(finding.number())).isTrue());
    }

    @Test
    void findsKeysNobodyStoredByTheirShape() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "pasted");
        String pasted = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";
        job.setDefinition(new CpsFlowDefinition("echo 'katalonc -apiKey=" + pasted + "'", true));
        j.buildAndAssertSuccess(job);

        post(admin, "startScan?folder=");
        HistoryScan scan = awaitScan();

        assertThat(scan.getFindings())
                .extracting(HistoryScan.Finding::build, HistoryScan.Finding::key, HistoryScan.Finding::rotateRef)
                .contains(tuple(1, "Katalon (TestOps, Store, Runtime Engine)", null));
        assertThat(admin.goTo("manage/api-keys/history").getWebResponse().getContentAsString())
                .doesNotContain(pasted);
    }

    @Test
    void runsInTheBackgroundOneAtATime() throws Exception {
        FreeStyleBuild big = leakingFreestyleBuild();
        // a long history: the scan outlives the request that starts it
        try (OutputStream out =
                Files.newOutputStream(big.getLogFile().toPath(), java.nio.file.StandardOpenOption.APPEND)) {
            byte[] line = "[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/example/a.jar\n"
                    .getBytes(StandardCharsets.UTF_8);
            byte[] chunk = new byte[line.length * 12_000];
            for (int i = 0; i < 12_000; i++) {
                System.arraycopy(line, 0, chunk, i * line.length, line.length);
            }
            for (int i = 0; i < 250; i++) {
                out.write(chunk);
            }
        }

        admin.getOptions().setRedirectEnabled(false);

        Page started = post(admin, "startScan");

        assertThat(started.getWebResponse().getStatusCode()).isEqualTo(302);
        HistoryScan running = HistoryScans.get().latest();
        // the scan reports each file to itself, under its own lock: holding it keeps the scan going
        synchronized (running) {
            assertThat(running.isRunning())
                    .as("the request is answered, the scan goes on")
                    .isTrue();
            assertThat(HistoryScans.get().start(null)).as("one scan at a time").isSameAs(running);
        }
        assertThat(awaitScan().getFindings()).hasSize(2);
    }

    @Test
    void onlyAdministratorsMayScanAndRedact() throws Exception {
        JenkinsRule.WebClient reader = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        reader.login("reader");

        assertThat(post(reader, "startScan").getWebResponse().getStatusCode()).isEqualTo(403);
        assertThat(post(reader, "redact?finding=1&confirmed=true")
                        .getWebResponse()
                        .getStatusCode())
                .isEqualTo(403);
        assertThat(reader.goTo("manage/api-keys/history", null).getWebResponse().getStatusCode())
                .isEqualTo(403);
        assertThat(HistoryScans.get().latest()).isNull();
    }
}
