package io.jenkins.plugins.apikey.manage;

import static io.jenkins.plugins.apikey.TestKeys.KATALON_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.apikey.TestKeys;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import java.time.Duration;
import java.time.Instant;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class PolicyTest {

    private static KeyRef global(String id) {
        return new KeyRef(KeyRef.JENKINS, "", id);
    }

    private JenkinsRule j;

    @BeforeEach
    void oldKey(JenkinsRule rule) throws Exception {
        j = rule;
        TestKeys.store(j.jenkins, TestKeys.apiKey("katalon-nightly", "katalon", KATALON_KEY));
        KeyStates.State state = KeyStates.get().observe(global("katalon-nightly"), KeyMaterial.of(KATALON_KEY));
        state.firstSeen = Instant.now().minus(Duration.ofDays(120)).toEpochMilli();
    }

    @Test
    void monitorListsKeysOverTheLimitsWithALinkToThePage() throws Exception {
        PolicyMonitor monitor = j.jenkins.getExtensionList(PolicyMonitor.class).get(0);
        monitor.refresh(Instant.now());
        assertThat(monitor.isActivated()).isFalse();

        ApiKeyPolicy.get().setMaxAgeDays(90);
        monitor.refresh(Instant.now());

        assertThat(monitor.isActivated()).isTrue();
        assertThat(monitor.getViolations())
                .singleElement()
                .asString()
                .startsWith("Key 'katalon-nightly' has had the same value for 120 days, more than the 90 days");
        String html = j.createWebClient().goTo("manage/").getWebResponse().getContentAsString();
        assertThat(html).contains("API keys need attention (1)");
    }

    @Test
    void expiredKeysFailBuildsOnlyWhenThePolicySaysSo() throws Exception {
        ApiKeyPolicy.get().setMaxAgeDays(90);
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("withApiKey('katalon-nightly') { echo 'bound' }", true));
        j.buildAndAssertSuccess(job);

        ApiKeyPolicy.get().setFailBuildsOnExpiredKeys(true);
        WorkflowRun refused = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("Key 'katalon-nightly' has had the same value for 120 days", refused);
        j.assertLogContains("Builds may not bind expired keys on this controller.", refused);
        j.assertLogNotContains("bound", refused);
    }

    @Test
    void lastUseIsRecordedWithTheBuild() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "nightly");
        job.setDefinition(new CpsFlowDefinition("withApiKey('katalon-nightly') { echo 'bound' }", true));

        j.buildAndAssertSuccess(job);

        assertThat(KeyStates.get().state(global("katalon-nightly")).lastUsed()).isNotNull();
        assertThat(KeyStates.get().state(global("katalon-nightly")).lastUsedBy())
                .isEqualTo("nightly #1");
    }
}
