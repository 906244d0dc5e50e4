package io.jenkins.plugins.apikey.agent;

import static io.jenkins.plugins.apikey.TestKeys.KATALON_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.Functions;
import hudson.model.Computer;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.slaves.DumbSlave;
import hudson.tasks.BatchFile;
import hudson.tasks.Shell;
import hudson.util.Secret;
import io.jenkins.plugins.apikey.TestKeys;
import io.jenkins.plugins.apikey.impl.ApiKeyCredentialsImpl;
import io.jenkins.plugins.apikey.manage.KeyRef;
import io.jenkins.plugins.apikey.manage.KeyStates;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.html.HtmlForm;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
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
        agent.getNodeProperties().add(new ApiKeyNodeProperty(List.of(new AgentKey("katalon"))));
    }

    /** A freestyle job on the agent whose step reads the environment, where agent keys are bound. */
    private FreeStyleProject printsTheKey() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        project.setAssignedNode(agent);
        project.getBuildersList()
                .add(
                        Functions.isWindows()
                                ? new BatchFile("@echo key=%KATALON_API_KEY%")
                                : new Shell("echo key=$KATALON_API_KEY"));
        return project;
    }

    @Test
    void freestyleBuildsOnTheAgentGetTheKeyMasked() throws Exception {
        FreeStyleBuild build = j.buildAndAssertSuccess(printsTheKey());

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
    void globalPropertiesBindOnTheBuiltInNodeAndAreMaskedInPipeline() throws Exception {
        TestKeys.store(j.jenkins, TestKeys.apiKey("everywhere", "generic", "sk-global-0123456789abcdef"));
        AgentKey key = new AgentKey("everywhere");
        key.setVariable("EVERYWHERE");
        j.jenkins.getGlobalNodeProperties().add(new ApiKeyNodeProperty(List.of(key)));
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(
                "node('built-in') {\n"
                        + "  if (env.EVERYWHERE != 'sk-global-0123456789abcdef') { error 'not bound' }\n"
                        + "  echo \"bound ${env.EVERYWHERE.reverse().reverse()}\"\n"
                        + "}",
                true));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("bound ****", run);
        j.assertLogNotContains("sk-global-0123456789abcdef", run);
    }

    @Test
    void systemScopedCredentialsAreNeverBoundToBuilds() throws Exception {
        TestKeys.store(
                j.jenkins,
                new ApiKeyCredentialsImpl(
                        CredentialsScope.SYSTEM,
                        "system-only",
                        "",
                        Secret.fromString("sk-system-0123456789"),
                        "generic"));
        agent.getNodeProperties().replace(new ApiKeyNodeProperty(List.of(new AgentKey("system-only"))));
        FreeStyleProject project = printsTheKey();

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains(
                "No API key or client credentials with id 'system-only' are in the global credentials", build);
        j.assertLogNotContains("sk-system-0123456789", build);
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            assertThat(
                            j
                                    .jenkins
                                    .getDescriptorByType(AgentKey.DescriptorImpl.class)
                                    .doFillCredentialsIdItems(null)
                                    .stream()
                                    .map(option -> option.value))
                    .contains("katalon")
                    .doesNotContain("system-only");
        }
    }

    @Test
    void revokedKeysAreRefusedOnAgentsAndUseIsRecorded() throws Exception {
        FreeStyleProject project = printsTheKey();
        j.buildAndAssertSuccess(project);
        KeyRef ref = new KeyRef("jenkins", "", "katalon");
        assertThat(KeyStates.get().state(ref).lastUsedBy()).isEqualTo(agent.getNodeName());

        KeyStates.get().revoke(ref, "admin");
        FreeStyleBuild refused = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("Credentials 'katalon' were revoked on", refused);
    }

    @Test
    void onlyAdministratorsMayChangeAgentKeys() throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, Computer.CONFIGURE, Computer.EXTENDED_READ)
                .everywhere()
                .to("operator"));
        JenkinsRule.WebClient operator = j.createWebClient().login("operator");

        HtmlForm form = operator.getPage(agent, "configure").getFormByName("config");
        j.submit(form);

        assertThat(agent.getNodeProperties().get(ApiKeyNodeProperty.class))
                .as("kept as it was when an operator saves the agent")
                .isNotNull()
                .extracting(property -> property.getKeys().get(0).getCredentialsId())
                .isEqualTo("katalon");
        JenkinsRule.WebClient admin = j.createWebClient().login("admin");
        j.submit(admin.getPage(agent, "configure").getFormByName("config"));
        assertThat(agent.getNodeProperties().get(ApiKeyNodeProperty.class).getKeys())
                .extracting(AgentKey::getCredentialsId)
                .containsExactly("katalon");
    }
}
