package io.jenkins.plugins.apikey.steps;

import static io.jenkins.plugins.apikey.TestKeys.KATALON_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.apikey.TestKeys;
import java.io.File;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** A controller restart in the middle of the block keeps masking and leaves no plaintext behind. */
class WithApiKeyRestartTest {

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void restartInsideTheBlockKeepsMaskingAndPersistsNoPlaintext() throws Throwable {
        sessions.then(j -> {
            TestKeys.store(j.jenkins, TestKeys.apiKey("katalon", "katalon", KATALON_KEY));
            WorkflowJob job = j.createProject(WorkflowJob.class, "p");
            job.setDefinition(new CpsFlowDefinition(
                    "node {\n"
                            + "  withApiKey(bindings: [key(credentialsId: 'katalon', keyFile: true)]) {\n"
                            + "    semaphore 'wait'\n"
                            + "    if (isUnix()) { sh 'echo key=$KATALON_API_KEY' } else { bat '@echo key=%KATALON_API_KEY%' }\n"
                            + "    echo \"path=${env.KATALON_API_KEY_FILE}\"\n"
                            + "  }\n"
                            + "}",
                    true));
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            SemaphoreStep.waitForStart("wait/1", run);
            assertThat(TestKeys.grep(run.getRootDir(), KATALON_KEY)).isEmpty();
        });
        sessions.then(j -> {
            WorkflowRun run =
                    j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            assertThat(TestKeys.grep(run.getRootDir(), KATALON_KEY)).isEmpty();
            SemaphoreStep.success("wait/1", null);
            j.assertBuildStatusSuccess(j.waitForCompletion(run));
            j.assertLogContains("key=****", run);
            j.assertLogNotContains(KATALON_KEY, run);
            assertThat(TestKeys.grep(run.getRootDir(), KATALON_KEY)).isEmpty();
            String log = JenkinsRule.getLog(run);
            String path =
                    log.substring(log.indexOf("path=") + 5).lines().findFirst().orElseThrow();
            assertThat(new File(path)).doesNotExist();
        });
    }
}
