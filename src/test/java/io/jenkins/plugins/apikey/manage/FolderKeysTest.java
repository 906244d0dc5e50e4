package io.jenkins.plugins.apikey.manage;

import static io.jenkins.plugins.apikey.TestKeys.KATALON_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.AbstractItem;
import hudson.model.Item;
import io.jenkins.plugins.apikey.TestKeys;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Folder keys are managed by those who may update the folder's credentials, without Administer. */
@WithJenkins
class FolderKeysTest {

    private JenkinsRule j;

    @BeforeEach
    void folderWithAKey(JenkinsRule rule) throws Exception {
        j = rule;
        AbstractItem folder = (AbstractItem) j.jenkins.createProjectFromXML(
                "team",
                new ByteArrayInputStream(
                        "<com.cloudbees.hudson.plugins.folder.Folder/>".getBytes(StandardCharsets.UTF_8)));
        CredentialsStore folderStore = null;
        for (CredentialsStore store : CredentialsProvider.lookupStores(folder)) {
            if (store.getContext() == folder) {
                folderStore = store;
            }
        }
        assertThat(folderStore).as("the folder's own store").isNotNull();
        folderStore.addCredentials(Domain.global(), TestKeys.apiKey("team-key", "katalon", KATALON_KEY));
        TestKeys.store(j.jenkins, TestKeys.apiKey("global-key", "generic", "sk-abcdef0123456789"));
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ)
                .everywhere()
                .to("lead", "dev")
                .grant(Item.READ, CredentialsProvider.VIEW, CredentialsProvider.UPDATE)
                .onItems(folder)
                .to("lead")
                .grant(Item.READ)
                .onItems(folder)
                .to("dev"));
    }

    private JenkinsRule.WebClient as(String user) throws Exception {
        JenkinsRule.WebClient client = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        return client.login(user);
    }

    private static Page post(JenkinsRule.WebClient client, String path) throws Exception {
        return client.getPage(new WebRequest(client.createCrumbedUrl(path), HttpMethod.POST));
    }

    @Test
    void folderCredentialUpdatersSeeAndManageOnlyTheFoldersKeys() throws Exception {
        JenkinsRule.WebClient lead = as("lead");

        Page page = lead.goTo("job/team/api-keys/", null);
        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(page.getWebResponse().getContentAsString())
                .contains("team-key", "…1d07")
                .doesNotContain("global-key", KATALON_KEY);
        assertThat(lead.goTo("manage/api-keys/", null).getWebResponse().getStatusCode())
                .isEqualTo(403);

        String revoked = post(
                        lead,
                        "job/team/api-keys/bulk?operation=revoke&confirmed=true&ref="
                                + URLEncoder.encode("item:team::::team-key", StandardCharsets.UTF_8))
                .getWebResponse()
                .getContentAsString();
        assertThat(revoked).contains("Revoked: builds can no longer bind it.");
        assertThat(KeyStates.get()
                        .state(new KeyRef("item:team", "", "team-key"))
                        .revokedAt())
                .isNotNull();

        String outside = post(
                        lead,
                        "job/team/api-keys/bulk?operation=delete&confirmed=true&ref="
                                + URLEncoder.encode("jenkins::::global-key", StandardCharsets.UTF_8))
                .getWebResponse()
                .getContentAsString();
        assertThat(outside).contains("Not found");
        assertThat(CredentialsProvider.lookupStores(j.jenkins).iterator().next().getCredentials(Domain.global()))
                .hasSize(1);
    }

    @Test
    void usersWhoCannotUpdateTheFoldersCredentialsAreRefused() throws Exception {
        JenkinsRule.WebClient dev = as("dev");

        assertThat(dev.goTo("job/team/api-keys/", null).getWebResponse().getStatusCode())
                .isEqualTo(403);
        assertThat(post(
                                dev,
                                "job/team/api-keys/bulk?operation=revoke&confirmed=true&ref="
                                        + URLEncoder.encode("item:team::::team-key", StandardCharsets.UTF_8))
                        .getWebResponse()
                        .getStatusCode())
                .isEqualTo(403);
    }
}
