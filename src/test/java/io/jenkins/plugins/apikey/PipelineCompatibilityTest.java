package io.jenkins.plugins.apikey;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.apikey.impl.ApiKeyCredentialsImpl;
import io.jenkins.plugins.apikey.impl.ClientCredentialsImpl;
import io.jenkins.plugins.apikey.manage.KeyRef;
import io.jenkins.plugins.apikey.manage.KeyStates;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The new types work unchanged with the bindings Pipeline users already have. */
@WithJenkins
class PipelineCompatibilityTest {

    private static final String KEY = "3f2b8c1e-7d4a-4b9e-a1c2-5e6f7a8b1d07";
    private static final String CLIENT_ID = "0123456789ABCDEF0123456789ABCDEF";
    private static final String SECRET = "5e8f0a7c9b1d3e2f4a6c8b0d1e3f5a7c9b2d4e6f8a0c1b3d5e7f9a2c4b6d8e0f";

    private JenkinsRule j;

    @BeforeEach
    void storeKeys(JenkinsRule rule) throws Exception {
        j = rule;
        CredentialsStore store =
                CredentialsProvider.lookupStores(j.jenkins).iterator().next();
        store.addCredentials(
                Domain.global(),
                new ApiKeyCredentialsImpl(CredentialsScope.GLOBAL, "katalon", "", Secret.fromString(KEY), "katalon"));
        store.addCredentials(
                Domain.global(),
                new ClientCredentialsImpl(CredentialsScope.GLOBAL, "xray", "", CLIENT_ID, Secret.fromString(SECRET)));
    }

    private WorkflowRun run(String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return j.buildAndAssertSuccess(job);
    }

    private WorkflowRun fail(String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return j.buildAndAssertStatus(Result.FAILURE, job);
    }

    /** Revocation holds for every consumer of the credentials, not only for withApiKey. */
    @Test
    void revokedKeysCannotBeBoundThroughOtherStepsEither() throws Exception {
        KeyStates.get().revoke(new KeyRef("jenkins", "", "katalon"), "admin");
        KeyStates.get().revoke(new KeyRef("jenkins", "", "xray"), "admin");

        WorkflowRun string = fail("node {\n"
                + "  withCredentials([string(credentialsId: 'katalon', variable: 'K')]) { echo 'BODY RAN' }\n"
                + "}");
        WorkflowRun pair = fail("withCredentials([usernamePassword(credentialsId: 'xray', usernameVariable: 'I',"
                + " passwordVariable: 'S')]) { echo 'BODY RAN' }");
        WorkflowRun declarative = fail("pipeline { agent any; environment { K = credentials('katalon') }\n"
                + "  stages { stage('s') { steps { echo 'BODY RAN' } } } }");

        for (WorkflowRun run : List.of(string, pair, declarative)) {
            j.assertLogContains("were revoked on", run);
            j.assertLogContains("by admin", run);
            j.assertLogNotContains("BODY RAN", run);
            j.assertLogNotContains(KEY, run);
        }
        KeyStates.get().reinstate(new KeyRef("jenkins", "", "katalon"));
        run("withCredentials([string(credentialsId: 'katalon', variable: 'K')]) { echo 'bound again' }");
    }

    @Test
    void withCredentialsStringBindsAndMasksAnApiKey() throws Exception {
        WorkflowRun run = run("node {\n"
                + "  withCredentials([string(credentialsId: 'katalon', variable: 'K')]) {\n"
                + "    if (isUnix()) { sh 'echo key=$K' } else { bat 'echo key=%K%' }\n"
                + "  }\n"
                + "}");

        j.assertLogContains("key=****", run);
        j.assertLogNotContains(KEY, run);
    }

    @Test
    void withCredentialsUsernamePasswordBindsClientCredentials() throws Exception {
        WorkflowRun run = run("node {\n"
                + "  withCredentials([usernamePassword(credentialsId: 'xray', usernameVariable: 'ID',"
                + " passwordVariable: 'SECRET')]) {\n"
                + "    if (isUnix()) { sh 'echo id=$ID secret=$SECRET' } else { bat 'echo id=%ID% secret=%SECRET%' }\n"
                + "  }\n"
                + "}");

        j.assertLogContains("id=" + CLIENT_ID + " secret=****", run);
        j.assertLogNotContains(SECRET, run);
    }

    @Test
    void declarativeCredentialsHelperAcceptsBothTypes() throws Exception {
        WorkflowRun run = run("pipeline {\n"
                + "  agent any\n"
                + "  environment {\n"
                + "    KATALON_API_KEY = credentials('katalon')\n"
                + "    XRAY = credentials('xray')\n"
                + "  }\n"
                + "  stages {\n"
                + "    stage('check') {\n"
                + "      steps {\n"
                + "        script {\n"
                + "          if (isUnix()) { sh 'echo k=$KATALON_API_KEY u=$XRAY_USR p=$XRAY_PSW' }\n"
                + "          else { bat 'echo k=%KATALON_API_KEY% u=%XRAY_USR% p=%XRAY_PSW%' }\n"
                + "        }\n"
                + "      }\n"
                + "    }\n"
                + "  }\n"
                + "}");

        j.assertLogContains("k=**** u=" + CLIENT_ID + " p=****", run);
        j.assertLogNotContains(KEY, run);
        j.assertLogNotContains(SECRET, run);
    }
}
