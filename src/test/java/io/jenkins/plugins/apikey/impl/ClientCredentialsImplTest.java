package io.jenkins.plugins.apikey.impl;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.security.ACL;
import hudson.util.Secret;
import io.jenkins.plugins.apikey.ClientCredentials;
import io.jenkins.plugins.apikey.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class ClientCredentialsImplTest {

    private static final String CLIENT_ID = "0123456789ABCDEF0123456789ABCDEF";
    private static final String SECRET = "5e8f0a7c9b1d3e2f4a6c8b0d1e3f5a7c9b2d4e6f8a0c1b3d5e7f9a2c4b6d8e0f";

    private static ClientCredentialsImpl xray() {
        return new ClientCredentialsImpl(
                CredentialsScope.GLOBAL, "xray-qa", "QA team", CLIENT_ID, Secret.fromString(SECRET));
    }

    private static CredentialsStore systemStore(JenkinsRule j) {
        return CredentialsProvider.lookupStores(j.jenkins).iterator().next();
    }

    @Test
    void displayNameUsesTheClientIdHint(JenkinsRule j) {
        assertThat(CredentialsNameProvider.name(xray())).isEqualTo("Xray Cloud client …CDEF (QA team)");
    }

    @Test
    void isFoundAsUsernamePasswordWithTheClientIdAsUserName(JenkinsRule j) throws Exception {
        systemStore(j).addCredentials(Domain.global(), xray());

        List<StandardUsernamePasswordCredentials> found = CredentialsProvider.lookupCredentialsInItemGroup(
                StandardUsernamePasswordCredentials.class, j.jenkins, ACL.SYSTEM2, List.of());

        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c).isInstanceOf(ClientCredentials.class);
            assertThat(c.getUsername()).isEqualTo(CLIENT_ID);
            assertThat(c.getPassword().getPlainText()).isEqualTo(SECRET);
            assertThat(c.isUsernameSecret()).isFalse();
        });
    }

    @Test
    void formRoundTripKeepsEveryFieldAndNeverShowsTheSecret(JenkinsRule j) throws Exception {
        systemStore(j).addCredentials(Domain.global(), xray());

        String dialog = TestKeys.saveThroughUpdateDialog(j.createWebClient(), "xray-qa", "edited");

        assertThat(dialog).contains(CLIENT_ID).doesNotContain(SECRET);
        ClientCredentials saved = (ClientCredentials)
                systemStore(j).getCredentials(Domain.global()).get(0);
        assertThat(saved.getUsername()).isEqualTo(CLIENT_ID);
        assertThat(saved.getPassword().getPlainText()).isEqualTo(SECRET);
        assertThat(saved.getService()).isEqualTo("xray");
        assertThat(saved.getDescription()).isEqualTo("edited");
        String xml =
                Files.readString(j.jenkins.getRootDir().toPath().resolve("credentials.xml"), StandardCharsets.UTF_8);
        assertThat(xml).contains(CLIENT_ID).doesNotContain(SECRET);
    }
}
