package io.jenkins.plugins.apikey.wrapper;

import static io.jenkins.plugins.apikey.TestKeys.KATALON_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.Functions;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.tasks.BatchFile;
import hudson.tasks.Shell;
import io.jenkins.plugins.apikey.TestKeys;
import io.jenkins.plugins.apikey.binding.ApiKeyBinding;
import io.jenkins.plugins.apikey.steps.WithApiKeyStep;
import java.io.File;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.CoreWrapperStep;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class ApiKeyBuildWrapperTest {

    private JenkinsRule j;

    @BeforeEach
    void storeKey(JenkinsRule rule) throws Exception {
        j = rule;
        TestKeys.store(j.jenkins, TestKeys.apiKey("katalon", "katalon", KATALON_KEY));
    }

    private static ApiKeyBuildWrapper wrapperWithKeyFile() {
        ApiKeyBinding binding = new ApiKeyBinding("katalon");
        binding.setKeyFile(true);
        return new ApiKeyBuildWrapper(List.of(binding));
    }

    @Test
    void freestyleBuildGetsTheKeyMaskedAndItsFileDeletedAfterwards() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        project.getBuildWrappersList().add(wrapperWithKeyFile());
        project.getBuildersList()
                .add(
                        Functions.isWindows()
                                ? new BatchFile(
                                        "@echo key=%KATALON_API_KEY% args=%KATALON_ARGS%\r\n"
                                                + "@type \"%KATALON_API_KEY_FILE%\"\r\n@echo.\r\n@echo path=%KATALON_API_KEY_FILE%")
                                : new Shell(
                                        "echo key=$KATALON_API_KEY args=$KATALON_ARGS\ncat \"$KATALON_API_KEY_FILE\"; echo\n"
                                                + "echo path=$KATALON_API_KEY_FILE"));

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        j.assertLogContains("key=**** args=****", build);
        j.assertLogNotContains(KATALON_KEY, build);
        Matcher path = Pattern.compile("path=(.+)").matcher(JenkinsRule.getLog(build));
        assertThat(path.find()).isTrue();
        assertThat(new File(path.group(1))).doesNotExist();
        assertThat(build.getSensitiveBuildVariables()).contains("KATALON_API_KEY", "KATALON_ARGS");
    }

    @Test
    void configRoundTrip() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        ApiKeyBuildWrapper wrapper = wrapperWithKeyFile();
        project.getBuildWrappersList().add(wrapper);

        j.configRoundtrip(project);

        j.assertEqualDataBoundBeans(wrapper, project.getBuildWrappersList().get(ApiKeyBuildWrapper.class));
    }

    /**
     * Pipeline has one way to bind keys, withApiKey, which keeps nothing secret in its saved state:
     * the Snippet Generator offers neither this wrapper nor its symbol, and a script that tries it
     * fails before its body.
     */
    @Test
    void pipelineOffersWithApiKeyAndNotThisWrapper() throws Exception {
        assertThat(j.jenkins
                        .getDescriptorByType(CoreWrapperStep.DescriptorImpl.class)
                        .getApplicableDescriptors())
                .noneMatch(descriptor -> descriptor instanceof ApiKeyBuildWrapper.DescriptorImpl);
        assertThat(new Snippetizer().getQuasiDescriptors(false))
                .extracting(quasi -> quasi.real)
                .noneMatch(descriptor -> descriptor instanceof ApiKeyBuildWrapper.DescriptorImpl)
                .anyMatch(descriptor -> descriptor instanceof WithApiKeyStep.DescriptorImpl);
        assertThat(new Snippetizer().getQuasiDescriptors(true))
                .extracting(quasi -> quasi.real)
                .noneMatch(descriptor -> descriptor instanceof ApiKeyBuildWrapper.DescriptorImpl);
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("node { apiKeys([key('katalon')]) { echo 'BODY RAN' } }", true));

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogNotContains("BODY RAN", run);
    }
}
