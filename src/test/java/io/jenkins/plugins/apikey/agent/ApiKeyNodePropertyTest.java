package io.jenkins.plugins.apikey.agent;

import static io.jenkins.plugins.apikey.TestKeys.KATALON_KEY;

import hudson.Functions;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import hudson.tasks.BatchFile;
import hudson.tasks.Shell;
import io.jenkins.plugins.apikey.TestKeys;
import io.jenkins.plugins.apikey.binding.ApiKeyBinding;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class ApiKeyNodePropertyTest {

    private JenkinsRule j;
    private DumbSlave agent;

    @BeforeEach
    void agentWithKey(JenkinsRule rule) throws Exception {
        j = rule;
        TestKeys.store(j.jenkins, TestKeys.apiKey("katalon", "katalon", KATALON_KEY));
        agent = j.createOnlineSlave();
        agent.getNodeProperties().add(new ApiKeyNodeProperty(List.of(new ApiKeyBinding("katalon"))));
    }

    @Test
    void freestyleBuildsOnTheAgentGetTheKeyMasked() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        project.setAssignedNode(agent);
        project.getBuildersList()
                .add(
                        Functions.isWindows()
                                ? new BatchFile("@echo key=%KATALON_API_KEY%")
                                : new Shell("echo key=$KATALON_API_KEY"));

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        j.assertLogContains("key=****", build);
        j.assertLogNotContains(KATALON_KEY, build);
    }

    @Test
    void pipelineNodeBlocksOnTheAgentGetTheKeyMasked() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(
                "node('" + agent.getNodeName() + "') {\n"
                        + "  if (isUnix()) { sh 'echo key=$KATALON_API_KEY' } else { bat '@echo key=%KATALON_API_KEY%' }\n"
                        + "}",
                true));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("key=****", run);
        j.assertLogNotContains(KATALON_KEY, run);
    }

    @Test
    void agentKeysAreMaskedInEveryBuildLog() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("echo 'leaked " + KATALON_KEY + "'", true));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("leaked ****", run);
    }

    @Test
    void keyFilesAreRefusedOnAgents() throws Exception {
        ApiKeyBinding withFile = new ApiKeyBinding("katalon");
        withFile.setKeyFile(true);
        agent.getNodeProperties().replace(new ApiKeyNodeProperty(List.of(withFile)));
        FreeStyleProject project = j.createFreeStyleProject();
        project.setAssignedNode(agent);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("are bound as variables only", build);
    }
}
