package io.jenkins.plugins.apikey.impl;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.User;
import hudson.security.ACL;
import hudson.util.Secret;
import io.jenkins.plugins.apikey.ApiKeyCredentials;
import io.jenkins.plugins.apikey.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class ApiKeyCredentialsImplTest {

    private static final String KEY = "3f2b8c1e-7d4a-4b9e-a1c2-5e6f7a8b1d07";
    private static final String CHECK_SECRET =
            "descriptorByName/io.jenkins.plugins.apikey.impl.ApiKeyCredentialsImpl/checkSecret";

    private static ApiKeyCredentialsImpl katalonKey() {
        ApiKeyCredentialsImpl key = new ApiKeyCredentialsImpl(
                CredentialsScope.GLOBAL, "katalon-nightly", "nightly regression", Secret.fromString(KEY), "katalon");
        key.setActsAs("qa-bot@example.com");
        return key;
    }

    private static CredentialsStore systemStore(JenkinsRule j) {
        return CredentialsProvider.lookupStores(j.jenkins).iterator().next();
    }

    private static void store(JenkinsRule j, ApiKeyCredentialsImpl key) throws Exception {
        systemStore(j).addCredentials(Domain.global(), key);
    }

    @Test
    void displayNameShowsServiceHintAndDescriptionButNeverTheKey(JenkinsRule j) {
        ApiKeyCredentialsImpl key = katalonKey();

        assertThat(CredentialsNameProvider.name(key)).isEqualTo("Katalon API key …1d07 (nightly regression)");
        assertThat(CredentialsNameProvider.name(new ApiKeyCredentialsImpl(
                        CredentialsScope.GLOBAL, "k", "", Secret.fromString("short-key"), null)))
                .isEqualTo("API key");
        assertThat(key.getHint()).isEqualTo("…1d07");
    }

    @Test
    void isFoundAsSecretTextByExistingConsumers(JenkinsRule j) throws Exception {
        store(j, katalonKey());

        List<StringCredentials> found = CredentialsProvider.lookupCredentialsInItemGroup(
                StringCredentials.class, j.jenkins, ACL.SYSTEM2, List.of());

        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c).isInstanceOf(ApiKeyCredentials.class);
            assertThat(c.getSecret().getPlainText()).isEqualTo(KEY);
        });
    }

    @Test
    void formRoundTripKeepsEveryFieldAndNeverShowsTheKey(JenkinsRule j) throws Exception {
        ApiKeyCredentialsImpl original = new ApiKeyCredentialsImpl(
                CredentialsScope.GLOBAL, "onprem", "on-premise", Secret.fromString(KEY), "katalon-onprem");
        original.setServerUrl("https://testops.example.com");
        original.setActsAs("qa-bot@example.com");
        store(j, original);

        String dialog = TestKeys.saveThroughUpdateDialog(j.createWebClient(), "onprem", "on-premise, edited");

        assertThat(dialog)
                .contains("katalon-onprem", "https://testops.example.com")
                .doesNotContain(KEY);
        ApiKeyCredentials saved = (ApiKeyCredentials)
                systemStore(j).getCredentials(Domain.global()).get(0);
        assertThat(saved.getSecret().getPlainText()).isEqualTo(KEY);
        assertThat(saved.getService()).isEqualTo("katalon-onprem");
        assertThat(saved.getServerUrl()).isEqualTo("https://testops.example.com");
        assertThat(saved.getActsAs()).isEqualTo("qa-bot@example.com");
        assertThat(saved.getDescription()).isEqualTo("on-premise, edited");
    }

    @Test
    void storedConfigurationHoldsTheKeyOnlyEncrypted(JenkinsRule j) throws Exception {
        store(j, katalonKey());

        String xml =
                Files.readString(j.jenkins.getRootDir().toPath().resolve("credentials.xml"), StandardCharsets.UTF_8);

        assertThat(xml).contains("<service>katalon</service>").doesNotContain(KEY);
    }

    @Test
    void personalKeysLiveInTheUsersOwnStore(JenkinsRule j) throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        User alice = User.getById("alice", true);
        CredentialsStore personal =
                CredentialsProvider.lookupStores(alice).iterator().next();
        try (var ignored = ACL.as2(alice.impersonate2())) {
            personal.addCredentials(Domain.global(), katalonKey());
        }

        assertThat(CredentialsProvider.lookupCredentialsInItemGroup(
                        ApiKeyCredentials.class, j.jenkins, alice.impersonate2(), List.of()))
                .extracting(ApiKeyCredentials::getId)
                .contains("katalon-nightly");
        assertThat(CredentialsProvider.lookupCredentialsInItemGroup(
                        ApiKeyCredentials.class, j.jenkins, ACL.SYSTEM2, List.of()))
                .isEmpty();
    }

    @Test
    void validationReportsFindingsWithoutEchoingTheKey(JenkinsRule j) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient();

        Page padded = post(wc, CHECK_SECRET + "?service=katalon&value=%20" + KEY);

        String body = padded.getWebResponse().getContentAsString();
        assertThat(body).contains("starts or ends with spaces").doesNotContain(KEY);
    }

    @Test
    void validationEndpointsRefuseGetAndUsersWithoutCredentialPermissions(JenkinsRule j) throws Exception {
        TestKeys.adminAndReader(j);
        String[] endpoints = {
            CHECK_SECRET + "?service=katalon&value=x",
            "descriptorByName/io.jenkins.plugins.apikey.impl.ApiKeyCredentialsImpl/checkServerUrl?value=x",
            "descriptorByName/io.jenkins.plugins.apikey.impl.ApiKeyCredentialsImpl/checkService?value=x",
            "descriptorByName/io.jenkins.plugins.apikey.impl.ApiKeyCredentialsImpl/fillServiceItems",
            "descriptorByName/io.jenkins.plugins.apikey.impl.ClientCredentialsImpl/checkUsername?value=x",
            "descriptorByName/io.jenkins.plugins.apikey.impl.ClientCredentialsImpl/checkPassword?value=x",
            "descriptorByName/io.jenkins.plugins.apikey.impl.ClientCredentialsImpl/fillServiceItems"
        };
        JenkinsRule.WebClient reader = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        reader.login("reader");
        JenkinsRule.WebClient admin = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        admin.login("admin");

        for (String endpoint : endpoints) {
            assertThat(post(reader, endpoint).getWebResponse().getStatusCode())
                    .as(endpoint)
                    .isEqualTo(403);
            assertThat(post(admin, endpoint).getWebResponse().getStatusCode())
                    .as(endpoint)
                    .isEqualTo(200);
            // @POST cancels a GET, so nothing answers it
            assertThat(admin.goTo(endpoint, null).getWebResponse().getStatusCode())
                    .as("GET " + endpoint)
                    .isEqualTo(404);
        }
    }

    private static Page post(JenkinsRule.WebClient wc, String relative) throws Exception {
        WebRequest request = new WebRequest(wc.createCrumbedUrl(relative), HttpMethod.POST);
        return wc.getPage(request);
    }
}
