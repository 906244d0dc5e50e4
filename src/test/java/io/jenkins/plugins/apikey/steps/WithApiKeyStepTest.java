package io.jenkins.plugins.apikey.steps;

import static io.jenkins.plugins.apikey.TestKeys.CLIENT_ID;
import static io.jenkins.plugins.apikey.TestKeys.KATALON_KEY;
import static io.jenkins.plugins.apikey.TestKeys.ODD_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.sun.net.httpserver.HttpServer;
import hudson.Functions;
import hudson.model.Item;
import hudson.model.Label;
import hudson.model.Result;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.slaves.DumbSlave;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.jenkins.plugins.apikey.TestKeys;
import io.jenkins.plugins.apikey.binding.AgentConfigOption;
import io.jenkins.plugins.apikey.binding.ApiKeyBinding;
import io.jenkins.plugins.apikey.binding.PendingKeyDirectories;
import io.jenkins.plugins.apikey.binding.TokenEndpoints;
import io.jenkins.plugins.apikey.impl.ApiKeyCredentialsImpl;
import java.io.File;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class WithApiKeyStepTest {

    private static final String SERVER = "https://testops.example.com";
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJ0ZW5hbnQiOiJxYSJ9.c2lnbmF0dXJlMTIz";

    private JenkinsRule j;
    private HttpServer xray;

    @BeforeEach
    void storeKeys(JenkinsRule rule) throws Exception {
        j = rule;
        TestKeys.store(j.jenkins, TestKeys.apiKey("katalon", "katalon", KATALON_KEY));
        ApiKeyCredentialsImpl onPremise = TestKeys.apiKey("onprem", "katalon-onprem", KATALON_KEY);
        onPremise.setServerUrl(SERVER);
        TestKeys.store(j.jenkins, onPremise);
        TestKeys.store(j.jenkins, TestKeys.apiKey("odd", "generic", ODD_KEY));
        TestKeys.store(j.jenkins, TestKeys.apiKey("placeholder", "generic", "changeme"));
        TestKeys.store(j.jenkins, TestKeys.xray("xray"));
        TestKeys.store(
                j.jenkins,
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "plain", "", Secret.fromString("plain-secret-1")));
    }

    @AfterEach
    void stopXray() {
        if (xray != null) {
            xray.stop(0);
        }
    }

    private WorkflowJob job(String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    private WorkflowRun succeed(String script) throws Exception {
        return j.buildAndAssertSuccess(job(script));
    }

    private WorkflowRun fail(String script) throws Exception {
        return j.buildAndAssertStatus(Result.FAILURE, job(script));
    }

    private static String shell(String unix, String windows) {
        return "if (isUnix()) { sh '" + unix + "' } else { bat '" + windows + "' }\n";
    }

    @Test
    void configRoundTripKeepsEveryOption() throws Exception {
        WithApiKeyStep step = new WithApiKeyStep("katalon");
        step.setVariable("MY_KEY");
        ApiKeyBinding xrayBinding = new ApiKeyBinding("xray");
        xrayBinding.setClientIdVariable("XI");
        xrayBinding.setExchangeToken(true);
        xrayBinding.setRegion("EU");
        ApiKeyBinding filed = new ApiKeyBinding("onprem");
        filed.setKeyFile(true);
        AgentConfigOption agent = new AgentConfigOption();
        agent.setOrganizationId("42");
        filed.setAgentConfig(agent);
        step.setBindings(List.of(xrayBinding, filed));

        WithApiKeyStep roundTripped = new StepConfigTester(j).configRoundTrip(step);

        j.assertEqualDataBoundBeans(step, roundTripped);
    }

    @Test
    void bindsThePresetDefaultsAndMasksThemInTheBlock() throws Exception {
        String basic = Base64.getEncoder().encodeToString((":" + KATALON_KEY).getBytes(StandardCharsets.UTF_8));

        WorkflowRun run = succeed("node {\n"
                + "  withApiKey('katalon') {\n"
                + shell(
                        "echo key=$KATALON_API_KEY args=$KATALON_ARGS",
                        "@echo key=%KATALON_API_KEY% args=%KATALON_ARGS%")
                + "    echo 'Authorization: Basic " + basic + "'\n"
                + "    if (env.KATALON_ARGS != '-apiKey=" + KATALON_KEY + "') { error 'wrong arguments' }\n"
                + "  }\n"
                + "}");

        j.assertLogContains("Masking every form of the values of KATALON_API_KEY, KATALON_ARGS", run);
        j.assertLogContains("key=**** args=****", run);
        j.assertLogContains("Authorization: Basic ", run);
        j.assertLogNotContains(KATALON_KEY, run);
        j.assertLogNotContains(basic, run);
    }

    @Test
    void worksInDeclarativePipeline() throws Exception {
        WorkflowRun run = succeed("pipeline {\n"
                + "  agent any\n"
                + "  stages {\n"
                + "    stage('test') {\n"
                + "      steps {\n"
                + "        withApiKey('katalon') {\n"
                + "          script {\n"
                + "            " + shell("echo key=$KATALON_API_KEY", "@echo key=%KATALON_API_KEY%")
                + "          }\n"
                + "        }\n"
                + "      }\n"
                + "    }\n"
                + "  }\n"
                + "}");

        j.assertLogContains("key=****", run);
        j.assertLogNotContains(KATALON_KEY, run);
    }

    @Test
    void masksUrlJsonXmlAndShellFormsOfAKey() throws Exception {
        String url = URLEncoder.encode(ODD_KEY, StandardCharsets.UTF_8);
        String json = ODD_KEY.replace("\"", "\\\"");
        String xml = ODD_KEY.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#39;");
        String bash = ODD_KEY.replace("'", "'\\''");
        WorkflowJob job =
                job("node {\n" + "  withApiKey('odd') {\n" + "    echo readFile('forms.txt')\n" + "  }\n" + "}");
        j.jenkins
                .getWorkspaceFor(job)
                .child("forms.txt")
                .write("url " + url + "\njson " + json + "\nxml " + xml + "\nbash " + bash + "\n", "UTF-8");

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("url ****\njson ****\nxml ****\nbash ****", run);
        for (String form : List.of(ODD_KEY, url, json, xml, bash)) {
            j.assertLogNotContains(form, run);
        }
    }

    @Test
    void variablesCanBeChosenAndSeveralKeysBoundAtOnce() throws Exception {
        WorkflowRun run = succeed("withApiKey(credentialsId: 'katalon', variable: 'MY_KEY', bindings: ["
                + "key(credentialsId: 'xray', variable: 'XS', clientIdVariable: 'XI'),"
                + "key(credentialsId: 'onprem', variable: 'OP', argumentsVariable: 'OP_ARGS')]) {\n"
                + "  if (env.MY_KEY != '" + KATALON_KEY + "') { error 'wrong key' }\n"
                + "  if (env.XS != '" + TestKeys.CLIENT_SECRET + "') { error 'wrong secret' }\n"
                + "  if (env.OP_ARGS != '-apiKeyOnPremise=" + KATALON_KEY + " -testOps.serverUrl=" + SERVER + "') {"
                + " error 'wrong on-premise arguments' }\n"
                + "  echo \"client id ${env.XI}\"\n"
                + "}");

        j.assertLogContains("client id " + CLIENT_ID, run);
        j.assertLogContains("Masking every form of the values of MY_KEY, KATALON_ARGS, XS, OP, OP_ARGS", run);
    }

    @Test
    void keyFileIsOwnerOnlyAndDeletedAfterTheBlock() throws Exception {
        assumeFalse(Functions.isWindows(), "file modes are POSIX");

        WorkflowRun run = succeed("node {\n"
                + "  withApiKey(bindings: [key(credentialsId: 'katalon', keyFile: true)]) {\n"
                + "    sh 'stat -c mode=%a \"$KATALON_API_KEY_FILE\" \"$(dirname \"$KATALON_API_KEY_FILE\")\"'\n"
                + "    sh 'test \"$(cat \"$KATALON_API_KEY_FILE\")\" = \"$KATALON_API_KEY\" && echo content-ok'\n"
                + "    echo \"path=${env.KATALON_API_KEY_FILE}\"\n"
                + "  }\n"
                + "}");

        j.assertLogContains("mode=600", run);
        j.assertLogContains("mode=700", run);
        j.assertLogContains("content-ok", run);
        File file = pathFromLog(run);
        assertThat(file).doesNotExist();
        assertThat(file.getParentFile()).doesNotExist();
    }

    @Test
    void keyFileIsDeletedWhenTheBodyFails() throws Exception {
        WorkflowRun run = fail("node {\n"
                + "  withApiKey(bindings: [key(credentialsId: 'katalon', keyFileVariable: 'KF')]) {\n"
                + "    echo \"path=${env.KF}\"\n"
                + "    error 'the tests failed'\n"
                + "  }\n"
                + "}");

        j.assertLogContains("the tests failed", run);
        assertThat(pathFromLog(run)).doesNotExist();
    }

    @Test
    void agentConfigFileIsRenderedForTheTestOpsAgent() throws Exception {
        WorkflowRun run = succeed("node {\n"
                + "  withApiKey(bindings: [key(credentialsId: 'onprem', agentConfig: [organizationId: '42',"
                + " agentName: 'linux-runner-1'])]) {\n"
                + "    def config = readFile(env.KATALON_AGENT_CONFIG)\n"
                + "    if (config != 'apikey=" + KATALON_KEY + "\\nserverUrl=" + SERVER
                + "\\norganizationId=42\\nagentName=linux-runner-1\\n') { error 'unexpected agentconfig' }\n"
                + "    echo config\n"
                + "  }\n"
                + "}");

        // the whole key line is a mask value, so it becomes one ****
        j.assertLogContains("****\nserverUrl=" + SERVER + "\norganizationId=42\nagentName=linux-runner-1", run);
        j.assertLogNotContains(KATALON_KEY, run);
    }

    private String serveXray(int status, String body) throws Exception {
        xray = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        xray.createContext("/api/v1/authenticate", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        xray.start();
        String base = "http://127.0.0.1:" + xray.getAddress().getPort();
        TokenEndpoints.get().setAllowedBaseUrls(base);
        return base;
    }

    @Test
    void xrayClientCredentialsAreExchangedForAMaskedToken() throws Exception {
        String base = serveXray(200, "\"" + TOKEN + "\"");

        WorkflowRun run =
                succeed("withApiKey(bindings: [key(credentialsId: 'xray', exchangeToken: true, tokenBaseUrl: '"
                        + base + "')]) {\n"
                        + "  if (env.XRAY_TOKEN != '" + TOKEN + "') { error 'wrong token' }\n"
                        + "  echo 'Authorization: Bearer " + TOKEN + "'\n"
                        + "}");

        j.assertLogContains("Authorization: Bearer ****", run);
        j.assertLogNotContains(TOKEN, run);
    }

    @Test
    void refusedExchangeFailsBeforeTheBodyWithoutSecrets() throws Exception {
        String base = serveXray(401, "{\"error\":\"Authentication failed\"}");

        WorkflowRun run = fail("withApiKey(bindings: [key(credentialsId: 'xray', exchangeToken: true, tokenBaseUrl: '"
                + base + "')]) {\n"
                + "  echo 'BODY RAN'\n"
                + "}");

        j.assertLogContains("Could not exchange credentials 'xray' for a token", run);
        j.assertLogContains("HTTP 401", run);
        j.assertLogNotContains("BODY RAN", run);
        j.assertLogNotContains(TestKeys.CLIENT_SECRET, run);
    }

    @Test
    void failureMessagesFromTheBlockAreMasked() throws Exception {
        WorkflowRun run = fail(
                "withApiKey('katalon') {\n" + "  error('TestOps rejected the key ' + env.KATALON_API_KEY)\n" + "}");

        j.assertLogContains("TestOps rejected the key ****", run);
        j.assertLogNotContains(KATALON_KEY, run);
    }

    @Test
    void groovyInterpolationOfABoundKeyIsWarnedAbout() throws Exception {
        WorkflowRun run = succeed("node {\n"
                + "  withApiKey('katalon') {\n"
                + "    if (isUnix()) { sh \"echo ${KATALON_API_KEY}\" } else { bat \"echo ${KATALON_API_KEY}\" }\n"
                + "  }\n"
                + "}");

        j.assertLogContains("A secret was passed to", run);
        j.assertLogContains("using Groovy String interpolation", run);
        j.assertLogContains("KATALON_API_KEY", run);
        j.assertLogNotContains(KATALON_KEY, run);
    }

    @Test
    void agentSideOutputIsMasked() throws Exception {
        j.createSlave("remote", null, null);

        WorkflowRun run = succeed("node('remote') {\n"
                + "  withApiKey('katalon') {\n"
                + shell("echo on-agent=$KATALON_API_KEY", "@echo on-agent=%KATALON_API_KEY%")
                + "  }\n"
                + "}");

        j.assertLogContains("on-agent=****", run);
        j.assertLogNotContains(KATALON_KEY, run);
    }

    @Test
    void twentyParallelBranchesEachBindTheirOwnKeyWithoutCrossTalk() throws Exception {
        StringBuilder branches = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            String key = String.format("sk-branch-%02d-7d4a4b9ea1c25e6f", i);
            TestKeys.store(j.jenkins, TestKeys.apiKey("branch-" + i, "generic", key));
            branches.append(String.format(
                    "'b%d': { withApiKey(credentialsId: 'branch-%d', variable: 'K') {%n"
                            + "  if (env.K != '%s') { error 'branch %d got another key' }%n"
                            + "  echo \"branch %d key=${env.K.reverse().reverse()}\"%n"
                            + "} },%n",
                    i, i, key, i, i));
        }

        WorkflowRun run = succeed("parallel(" + branches + ")");

        for (int i = 0; i < 20; i++) {
            j.assertLogContains("branch " + i + " key=****", run);
            j.assertLogNotContains(String.format("sk-branch-%02d-7d4a4b9ea1c25e6f", i), run);
        }
    }

    @Test
    void tokenBaseUrlsOutsideTheAllowedOnesAreRefusedBeforeAnythingIsSent() throws Exception {
        WorkflowRun run = fail("withApiKey(bindings: [key(credentialsId: 'xray', exchangeToken: true,"
                + " tokenBaseUrl: 'http://169.254.169.254/latest')]) { echo 'BODY RAN' }");

        j.assertLogContains("which is not an Xray Cloud region nor listed by an administrator", run);
        j.assertLogNotContains("BODY RAN", run);
        j.assertLogNotContains(TestKeys.CLIENT_SECRET, run);
    }

    @Test
    void keyFilesOfAnAgentThatWentAwayAreDeletedWhenItIsBack() throws Exception {
        assumeFalse(Functions.isWindows(), "file checks are POSIX");
        DumbSlave agent = j.createOnlineSlave(Label.get("remote"));
        WorkflowJob job = job("node('remote') {\n"
                + "  withApiKey(bindings: [key(credentialsId: 'katalon', keyFile: true)]) {\n"
                + "    echo \"path=${env.KATALON_API_KEY_FILE}\"\n"
                + "    semaphore 'wait'\n"
                + "  }\n"
                + "}");
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        SemaphoreStep.waitForStart("wait/1", run);
        File file = pathFromLog(run);
        assertThat(file).exists();

        agent.toComputer().disconnect(null).get();
        SemaphoreStep.success("wait/1", null);
        j.waitForCompletion(run);
        assertThat(PendingKeyDirectories.get().pending()).hasSize(1);
        assertThat(file).exists();

        agent.toComputer().connect(false).get();
        j.waitOnline(agent);

        assertThat(file).doesNotExist();
        assertThat(file.getParentFile()).doesNotExist();
        assertThat(PendingKeyDirectories.get().pending()).isEmpty();
    }

    @Test
    void nothingToBind() throws Exception {
        WorkflowRun run = fail("withApiKey(bindings: []) { echo 'BODY RAN' }");

        j.assertLogContains("withApiKey has nothing to bind", run);
        j.assertLogNotContains("BODY RAN", run);
    }

    @Test
    void unknownIdNamesTheIdAndWhereItWasLookedUp() throws Exception {
        WorkflowRun run = fail("withApiKey('no-such-key') { echo 'BODY RAN' }");

        j.assertLogContains("No credentials with id 'no-such-key' are visible to", run);
        j.assertLogContains("folders, the global credentials", run);
        j.assertLogNotContains("katalon", run);
        j.assertLogNotContains("BODY RAN", run);
    }

    @Test
    void credentialsOfAnotherTypeNameTheAcceptedTypes() throws Exception {
        WorkflowRun run = fail("withApiKey('plain') { echo 'BODY RAN' }");

        j.assertLogContains("Credentials 'plain' are of type Secret text", run);
        j.assertLogContains("API key or client id and secret credentials", run);
        j.assertLogNotContains("BODY RAN", run);
    }

    @Test
    void invalidVariableName() throws Exception {
        WorkflowRun run = fail("withApiKey(credentialsId: 'katalon', variable: '1KEY') { echo 'BODY RAN' }");

        j.assertLogContains("Variable name '1KEY' of credentials 'katalon' is not valid", run);
        j.assertLogNotContains("BODY RAN", run);
    }

    @Test
    void keyThatFailsItsPresetChecks() throws Exception {
        WorkflowRun run = fail("withApiKey('placeholder') { echo 'BODY RAN' }");

        j.assertLogContains("Credentials 'placeholder' cannot be bound: The API key looks like a placeholder", run);
        j.assertLogNotContains("BODY RAN", run);
    }

    @Test
    void stepWithoutBody() throws Exception {
        WorkflowRun run = fail("withApiKey('katalon')");

        j.assertLogContains("withApiKey step must be called with a body", run);
    }

    @Test
    void credentialsDropDownIsLimitedToApiKeysAndToUsersWhoMayConfigure() throws Exception {
        WorkflowJob job = job("echo 'x'");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("viewer"));
        WithApiKeyStep.DescriptorImpl descriptor = j.jenkins.getDescriptorByType(WithApiKeyStep.DescriptorImpl.class);

        try (ACLContext ignored = ACL.as2(User.getById("admin", true).impersonate2())) {
            ListBoxModel items = descriptor.doFillCredentialsIdItems(job, null);
            assertThat(items.stream().map(option -> option.value))
                    .contains("katalon", "xray", "onprem")
                    .doesNotContain("plain");
        }
        try (ACLContext ignored = ACL.as2(User.getById("viewer", true).impersonate2())) {
            assertThat(descriptor.doFillCredentialsIdItems(job, "katalon").stream()
                            .map(option -> option.value))
                    .containsExactly("katalon");
        }
    }

    private File pathFromLog(WorkflowRun run) throws Exception {
        Matcher path = Pattern.compile("path=(.+)").matcher(JenkinsRule.getLog(run));
        assertThat(path.find()).as("path in the log").isTrue();
        return new File(path.group(1));
    }
}
