package io.jenkins.plugins.apikey.steps;

import static io.jenkins.plugins.apikey.TestKeys.KATALON_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Label;
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

/**
 * A controller restart in the middle of a block on an agent keeps masking and leaves no form of
 * the key in any file: the filter, the variables and the cleanup are in {@code program.dat}, where
 * Pipeline stores secrets encrypted.
 */
class WithApiKeyRestartTest {

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void restartInsideTheBlockKeepsMaskingAndPersistsNoFormOfTheKey() throws Throwable {
        sessions.then(j -> {
            TestKeys.store(j.jenkins, TestKeys.apiKey("katalon", "katalon", KATALON_KEY));
            j.createSlave(Label.get("remote"));
            WorkflowJob job = j.createProject(WorkflowJob.class, "p");
            job.setDefinition(new CpsFlowDefinition(
                    "node('remote') {\n"
                            + "  withApiKey(bindings: [key(credentialsId: 'katalon', keyFile: true)]) {\n"
                            + "    semaphore 'wait'\n"
                            + "    if (isUnix()) { sh 'echo key=$KATALON_API_KEY' } else { bat '@echo key=%KATALON_API_KEY%' }\n"
                            + "    echo \"path=${env.KATALON_API_KEY_FILE}\"\n"
                            + "  }\n"
                            + "}",
                    true));
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            SemaphoreStep.waitForStart("wait/1", run);
            assertThat(TestKeys.filesWithAnyForm(run.getRootDir(), KATALON_KEY)).isEmpty();
        });
        sessions.then(j -> {
            WorkflowRun run =
                    j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            assertThat(TestKeys.filesWithAnyForm(run.getRootDir(), KATALON_KEY)).isEmpty();
            SemaphoreStep.success("wait/1", null);
            j.assertBuildStatusSuccess(j.waitForCompletion(run));
            j.assertLogContains("key=****", run);
            j.assertLogNotContains(KATALON_KEY, run);
            String log = JenkinsRule.getLog(run);
            String path =
                    log.substring(log.indexOf("path=") + 5).lines().findFirst().orElseThrow();
            assertThat(new File(path)).doesNotExist();
            assertThat(TestKeys.filesWithAnyForm(j.jenkins.getRootDir(), KATALON_KEY))
                    .as("files under JENKINS_HOME with any form of the key")
                    .isEmpty();
        });
    }
}
