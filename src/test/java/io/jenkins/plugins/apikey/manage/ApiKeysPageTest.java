package io.jenkins.plugins.apikey.manage;

import static io.jenkins.plugins.apikey.TestKeys.KATALON_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.Result;
import io.jenkins.plugins.apikey.ApiKeyCredentials;
import io.jenkins.plugins.apikey.TestKeys;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class ApiKeysPageTest {

    private static KeyRef global(String id) {
        return new KeyRef(KeyRef.JENKINS, "", id);
    }

    private static final String NEW_KEY = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

    private JenkinsRule j;
    private JenkinsRule.WebClient admin;
    private JenkinsRule.WebClient reader;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        TestKeys.adminAndReader(j);
        TestKeys.store(j.jenkins, TestKeys.apiKey("katalon-nightly", "katalon", KATALON_KEY));
        TestKeys.store(j.jenkins, TestKeys.xray("xray-qa"));
        admin = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        admin.login("admin");
        reader = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        reader.login("reader");
    }

    private static String ref(String id) {
        return "jenkins::::" + id;
    }

    private Page post(JenkinsRule.WebClient client, String path) throws Exception {
        return client.getPage(new WebRequest(client.createCrumbedUrl("manage/api-keys/" + path), HttpMethod.POST));
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private WorkflowRun bind(String id, Result expected) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("withApiKey('" + id + "') { echo 'bound' }", true));
        return j.buildAndAssertStatus(expected, job);
    }

    @Test
    void pageListsKeysForAdministratorsWithoutTheirValues() throws Exception {
        Page page = admin.goTo("manage/api-keys/", null);

        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
        String html = page.getWebResponse().getContentAsString();
        assertThat(html).contains("katalon-nightly", "…1d07", "xray-qa", "…CDEF", "Active");
        assertThat(html).doesNotContain(KATALON_KEY, TestKeys.CLIENT_SECRET);
    }

    @Test
    void everyoneElseGetsForbidden() throws Exception {
        assertThat(reader.goTo("manage/api-keys/", null).getWebResponse().getStatusCode())
                .isEqualTo(403);
        assertThat(reader.goTo("manage/api-keys/export?format=csv", null)
                        .getWebResponse()
                        .getStatusCode())
                .isEqualTo(403);
        assertThat(post(reader, "bulk?operation=revoke&confirmed=true&ref=" + encoded(ref("xray-qa")))
                        .getWebResponse()
                        .getStatusCode())
                .isEqualTo(403);
        KeyStates.State state = KeyStates.get().state(global("xray-qa"));
        assertThat(state == null || state.revokedAt() == null).as("not revoked").isTrue();
    }

    @Test
    void searchAndPaging() throws Exception {
        for (int i = 0; i < 30; i++) {
            TestKeys.store(
                    j.jenkins, TestKeys.apiKey(String.format("bulk-%02d", i), "generic", "sk-abcdef012345678" + i));
        }

        String second = admin.goTo("manage/api-keys/?q=bulk&size=10&page=2", null)
                .getWebResponse()
                .getContentAsString();

        assertThat(second)
                .contains("bulk-10", "bulk-19", "Page 2 of 3, 30 keys.")
                .doesNotContain("bulk-09", "katalon-nightly");
    }

    @Test
    void revokeAsksToConfirmWithTheCountThenRefusesBindingUntilReinstated() throws Exception {
        String confirm = post(admin, "bulk?operation=revoke&ref=" + encoded(ref("katalon-nightly")))
                .getWebResponse()
                .getContentAsString();
        assertThat(confirm).contains("Revoke 1 key?");
        assertThat(KeyStates.get().state(global("katalon-nightly")).revokedAt()).isNull();

        String results = post(admin, "bulk?operation=revoke&confirmed=true&ref=" + encoded(ref("katalon-nightly")))
                .getWebResponse()
                .getContentAsString();
        assertThat(results).contains("Revoked: builds can no longer bind it.");
        WorkflowRun refused = bind("katalon-nightly", Result.FAILURE);
        j.assertLogContains("Credentials 'katalon-nightly' were revoked on", refused);
        j.assertLogContains("by admin", refused);
        j.assertLogNotContains("bound", refused);

        post(admin, "bulk?operation=reinstate&confirmed=true&ref=" + encoded(ref("katalon-nightly")));
        bind("katalon-nightly", Result.SUCCESS);
    }

    @Test
    void bulkResultsAreReportedPerKey() throws Exception {
        String results = post(
                        admin,
                        "bulk?operation=delete&confirmed=true&ref=" + encoded(ref("xray-qa")) + "&ref="
                                + encoded(ref("gone")))
                .getWebResponse()
                .getContentAsString();

        assertThat(results).contains("xray-qa", "Deleted.", "Not found");
        assertThat(CredentialsProvider.lookupStores(j.jenkins).iterator().next().getCredentials(Domain.global()))
                .extracting(c -> ((ApiKeyCredentials) c).getId())
                .containsExactly("katalon-nightly");
    }

    @Test
    void selectionCanBeEveryKeyMatchingTheSearch() throws Exception {
        post(admin, "bulk?operation=revoke&confirmed=true&selection=all&q=xray");

        assertThat(KeyStates.get().state(global("xray-qa")).revokedAt()).isNotNull();
        assertThat(KeyStates.get().state(global("katalon-nightly")).revokedAt()).isNull();
    }

    @Test
    void rotationReplacesTheValueAndIsRecorded() throws Exception {
        String results = post(admin, "rotateSubmit?ref=" + encoded(ref("katalon-nightly")) + "&value=" + NEW_KEY)
                .getWebResponse()
                .getContentAsString();

        assertThat(results)
                .contains("Rotated: from now on only the new value binds.")
                .doesNotContain(NEW_KEY);
        ApiKeyCredentials rotated = (ApiKeyCredentials) CredentialsProvider.lookupStores(j.jenkins)
                .iterator()
                .next()
                .getCredentials(Domain.global())
                .get(0);
        assertThat(rotated.getSecret().getPlainText()).isEqualTo(NEW_KEY);
        assertThat(rotated.getService()).isEqualTo("katalon");
        assertThat(KeyStates.get().state(global("katalon-nightly")).lastRotated())
                .isNotNull();
    }

    @Test
    void rotationRefusesAnInvalidValueAndKeepsTheOldOne() throws Exception {
        String results = post(admin, "rotateSubmit?ref=" + encoded(ref("katalon-nightly")) + "&value=changeme")
                .getWebResponse()
                .getContentAsString();

        assertThat(results).contains("looks like a placeholder");
        ApiKeyCredentials kept = (ApiKeyCredentials) CredentialsProvider.lookupStores(j.jenkins)
                .iterator()
                .next()
                .getCredentials(Domain.global())
                .get(0);
        assertThat(kept.getSecret().getPlainText()).isEqualTo(KATALON_KEY);
    }

    @Test
    void rotationOutsideThePageIsDetected() throws Exception {
        admin.goTo("manage/api-keys/", null);
        assertThat(KeyStates.get().state(global("katalon-nightly")).lastRotated())
                .isNull();
        CredentialsStore store =
                CredentialsProvider.lookupStores(j.jenkins).iterator().next();
        var old = store.getCredentials(Domain.global()).get(0);
        store.updateCredentials(Domain.global(), old, TestKeys.apiKey("katalon-nightly", "katalon", NEW_KEY));

        admin.goTo("manage/api-keys/", null);

        assertThat(KeyStates.get().state(global("katalon-nightly")).lastRotated())
                .isNotNull();
    }

    @Test
    void mutatingEndpointsRefuseGet() throws Exception {
        Page get =
                admin.goTo("manage/api-keys/bulk?operation=delete&confirmed=true&ref=" + encoded(ref("xray-qa")), null);

        assertThat(get.getWebResponse().getStatusCode()).isNotEqualTo(200);
        assertThat(CredentialsProvider.lookupStores(j.jenkins).iterator().next().getCredentials(Domain.global()))
                .hasSize(2);
    }

    @Test
    void exportsHoldNoSecrets() throws Exception {
        Page csv = admin.goTo("manage/api-keys/export?format=csv", null);
        Page json = admin.goTo("manage/api-keys/export?format=json", null);

        assertThat(csv.getWebResponse().getContentType()).isEqualTo("text/csv");
        assertThat(csv.getWebResponse().getContentAsString())
                .startsWith("id,kind,service,hint")
                .contains("katalon-nightly,API key,\"Katalon (TestOps, Store, Runtime Engine)\",…1d07")
                .doesNotContain(KATALON_KEY, TestKeys.CLIENT_SECRET);
        assertThat(json.getWebResponse().getContentAsString())
                .contains("\"id\": \"xray-qa\"")
                .doesNotContain(KATALON_KEY, TestKeys.CLIENT_SECRET);
    }
}
