package io.jenkins.plugins.apikey.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.TaskListener;
import io.jenkins.plugins.apikey.TestKeys;
import io.jenkins.plugins.apikey.impl.ApiKeyCredentialsImpl;
import io.jenkins.plugins.apikey.testing.FakeService;
import io.jenkins.plugins.apikey.verify.Verdict;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class KeyVerificationTest {

    private static final String GOOD_KEY = "3f2b8c1e-7d4a-4b9e-a1c2-5e6f7a8b1d07";
    private static final String BAD_KEY = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    private static final String SLOW_KEY = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    private static final String GENERIC_KEY = "generic-0123456789abcdef";
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0In0.c2lnbmF0dXJl";

    private JenkinsRule j;
    private JenkinsRule.WebClient admin;
    private FakeService good;
    private FakeService bad;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        TestKeys.adminAndReader(j);
        good = FakeService.start().answer(200, "{\"access_token\":\"" + TOKEN + "\"}");
        bad = FakeService.start().answer(401, "{\"error\":\"invalid_grant\"}");
        TestKeys.store(j.jenkins, onPremise("good", GOOD_KEY, good.url()));
        TestKeys.store(j.jenkins, onPremise("bad", BAD_KEY, bad.url()));
        TestKeys.store(j.jenkins, TestKeys.apiKey("generic", "generic", GENERIC_KEY));
        admin = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        admin.login("admin");
        // the progress page refreshes itself while a verification runs; the tests look at it once
        admin.setRefreshHandler((page, url, seconds) -> {});
    }

    @AfterEach
    void stopServices() {
        good.close();
        bad.close();
    }

    private static ApiKeyCredentialsImpl onPremise(String id, String key, URI server) {
        ApiKeyCredentialsImpl credentials = TestKeys.apiKey(id, "katalon-onprem", key);
        credentials.setServerUrl(server.toString());
        return credentials;
    }

    private static Page postVerify(JenkinsRule.WebClient client) throws Exception {
        return client.getPage(new WebRequest(
                client.createCrumbedUrl("manage/api-keys/bulk?operation=verify&selection=all"), HttpMethod.POST));
    }

    private static KeyStates.Checked checked(String id) {
        KeyStates.State state = KeyStates.get().state(new KeyRef(KeyRef.JENKINS, "", id));
        return state == null ? null : state.checked();
    }

    private static KeyVerifications.Run awaitDone() throws InterruptedException {
        KeyVerifications.Run run = KeyVerifications.get().latest("");
        assertThat(run).isNotNull();
        for (int i = 0; i < 300 && run.isRunning(); i++) {
            Thread.sleep(100);
        }
        assertThat(run.isRunning()).isFalse();
        return run;
    }

    private static void assertNoKeyIn(String text) {
        assertThat(text).doesNotContain(GOOD_KEY, BAD_KEY, SLOW_KEY, GENERIC_KEY, TOKEN);
    }

    @Test
    void verifyRunsInTheBackgroundRemembersEachVerdictAndListsRejectedKeys() throws Exception {
        try (FakeService slow = FakeService.start().hold()) {
            TestKeys.store(j.jenkins, onPremise("slow", SLOW_KEY, slow.url()));

            Page progress = postVerify(admin);

            // the page answers while the slow service still holds its request: the work is not in the request
            assertThat(progress.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(progress.getUrl().toString()).endsWith("manage/api-keys/verification");
            assertThat(progress.getWebResponse().getContentAsString()).contains("Asking each key");
            assertThat(KeyVerifications.get().latest("").isRunning()).isTrue();
            for (int i = 0; i < 100 && slow.requests().isEmpty(); i++) {
                Thread.sleep(100);
            }
            assertThat(slow.requests()).hasSize(1);
        }
        KeyVerifications.Run run = awaitDone();

        assertThat(run.getTotal()).isEqualTo(4);
        assertThat(run.getResults())
                .extracting(KeyVerifications.Result::id, KeyVerifications.Result::verdictCode)
                .containsExactly(
                        tuple("bad", "rejected"),
                        tuple("generic", "unknown"),
                        tuple("good", "valid"),
                        tuple("slow", "unknown"));
        assertThat(good.requests()).singleElement().satisfies(request -> {
            assertThat(request.target()).isEqualTo("/oauth/token");
            assertThat(request.text()).isEqualTo("grant_type=password&username=&password=" + GOOD_KEY);
        });
        assertThat(bad.requests()).hasSize(1);
        assertThat(checked("good").verdict()).isEqualTo(Verdict.VALID);
        assertThat(checked("bad").verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(checked("bad").message()).contains("rejected the key (HTTP 401, invalid_grant)");
        assertThat(checked("slow").verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(checked("generic")).as("nothing sent, nothing remembered").isNull();

        String results =
                admin.goTo("manage/api-keys/verification").getWebResponse().getContentAsString();
        assertThat(results).contains("4 keys checked, 1 rejected by its service");
        assertNoKeyIn(results);
        String index = admin.goTo("manage/api-keys/").getWebResponse().getContentAsString();
        assertThat(index).contains("Valid, checked", "Rejected, checked");
        assertNoKeyIn(index);
        assertThat(PolicyMonitor.get().getViolations())
                .singleElement()
                .asString()
                .startsWith("Key bad (Katalon TestOps on-premise …7c6d) was rejected by its service");
        assertNoKeyIn(Files.readString(
                j.jenkins.getRootDir().toPath().resolve(KeyStates.class.getName() + ".xml"), StandardCharsets.UTF_8));
    }

    @Test
    void aNewValueForgetsTheVerdictOfTheOldOne() throws Exception {
        postVerify(admin);
        awaitDone();
        assertThat(checked("bad").verdict()).isEqualTo(Verdict.REJECTED);

        CredentialsStore store =
                CredentialsProvider.lookupStores(j.jenkins).iterator().next();
        ApiKeyCredentialsImpl rotated = onPremise("bad", "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9", bad.url());
        store.updateCredentials(
                Domain.global(),
                store.getCredentials(Domain.global()).stream()
                        .filter(c -> c instanceof ApiKeyCredentialsImpl k
                                && k.getId().equals("bad"))
                        .findFirst()
                        .orElseThrow(),
                rotated);
        String index = admin.goTo("manage/api-keys/").getWebResponse().getContentAsString();

        assertThat(checked("bad")).isNull();
        assertThat(index).doesNotContain("Rejected, checked");
        PolicyMonitor.get().refresh(Instant.now());
        assertThat(PolicyMonitor.get().getViolations()).isEmpty();
    }

    @Test
    void onlyAdministratorsMayVerify() throws Exception {
        JenkinsRule.WebClient reader = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        reader.login("reader");

        assertThat(postVerify(reader).getWebResponse().getStatusCode()).isEqualTo(403);
        assertThat(reader.goTo("manage/api-keys/verification", null)
                        .getWebResponse()
                        .getStatusCode())
                .isEqualTo(403);
        assertThat(good.requests()).isEmpty();
        assertThat(KeyVerifications.get().latest("")).isNull();
    }

    @Test
    void dailyVerificationRunsOnlyWhenThePolicyAsksAndFeedsTheMonitor() throws Exception {
        DailyVerification daily =
                j.jenkins.getExtensionList(DailyVerification.class).get(0);

        daily.execute(TaskListener.NULL);
        assertThat(good.requests()).isEmpty();
        assertThat(bad.requests()).isEmpty();

        ApiKeyPolicy.get().setVerifyDaily(true);
        daily.execute(TaskListener.NULL);

        assertThat(good.requests()).hasSize(1);
        assertThat(checked("good").verdict()).isEqualTo(Verdict.VALID);
        assertThat(checked("bad").verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(PolicyMonitor.get().getViolations())
                .singleElement()
                .asString()
                .contains("Key bad", "rejected");
        String manage = admin.goTo("manage/").getWebResponse().getContentAsString();
        assertThat(manage).contains("API keys need attention (1)");
        assertNoKeyIn(manage);
    }

    @Test
    void aRevokedKeyIsNotSent() throws Exception {
        KeyStates.get().revoke(new KeyRef(KeyRef.JENKINS, "", "good"), "admin");

        postVerify(admin);
        KeyVerifications.Run run = awaitDone();

        assertThat(good.requests()).isEmpty();
        assertThat(run.getResults())
                .filteredOn(result -> result.id().equals("good"))
                .singleElement()
                .satisfies(result -> assertThat(result.message()).startsWith("Revoked, so it was not sent"));
    }
}
