package io.jenkins.plugins.apikey.provider;

import static io.jenkins.plugins.apikey.TestKeys.KATALON_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.model.ItemGroup;
import hudson.security.ACL;
import io.jenkins.plugins.apikey.ServiceKeyCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockFolder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class SecretDirectoryProviderTest {

    @TempDir
    Path secrets;

    private JenkinsRule j;

    @BeforeEach
    void mount(JenkinsRule rule) throws Exception {
        j = rule;
        Files.writeString(secrets.resolve("katalon-mounted"), KATALON_KEY + "\n");
        Files.writeString(
                secrets.resolve("katalon-mounted.properties"), "service=katalon\ndescription=From Kubernetes\n");
        Files.writeString(secrets.resolve("broken"), "changeme");
        SecretDirectoryConfiguration.get().setDirectory(secrets.toString());
    }

    @Test
    void mountedKeysBindAndAreMaskedInAPipeline() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(
                "withApiKey('katalon-mounted') {\n"
                        + "  if (env.KATALON_API_KEY != '" + KATALON_KEY + "') { error 'wrong key' }\n"
                        + "  echo 'key " + KATALON_KEY + "'\n"
                        + "}",
                true));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("key ****", run);
    }

    @Test
    void mountedKeysAndBadFilesAppearOnThePageAndCannotBeEdited() throws Exception {
        String html =
                j.createWebClient().goTo("manage/api-keys/").getWebResponse().getContentAsString();

        assertThat(html).contains("katalon-mounted", "From Kubernetes", "Secret directory " + secrets);
        assertThat(html).contains("broken", "cannot be used: The API key looks like a placeholder");
        assertThat(html).doesNotContain(KATALON_KEY, "changeme", "rotate?ref=directory");
    }

    @Test
    void changedFilesAreReadAgain() throws Exception {
        assertThat(SecretDirectoryCredentialsProvider.get().credentials())
                .extracting(ServiceKeyCredentials::getId)
                .doesNotContain("late-key");

        Files.writeString(secrets.resolve("late-key"), "sk-abcdef0123456789");

        assertThat(SecretDirectoryCredentialsProvider.get().credentials())
                .extracting(ServiceKeyCredentials::getId)
                .contains("late-key");
    }

    @Test
    void keysLimitedToAFolderAreSeenInItAndItsSubfoldersOnly() throws Exception {
        Files.writeString(secrets.resolve("team-a-key"), "sk-team-a-0123456789");
        Files.writeString(secrets.resolve("team-a-key.properties"), "folder=team-a\n");
        MockFolder teamA = j.createFolder("team-a");
        MockFolder nested = teamA.createProject(MockFolder.class, "nested");
        MockFolder teamAb = j.createFolder("team-ab");

        for (ItemGroup<?> group : List.<ItemGroup<?>>of(teamA, nested, teamAb, j.jenkins)) {
            List<String> ids =
                    CredentialsProvider.lookupCredentialsInItemGroup(
                                    StandardCredentials.class, group, ACL.SYSTEM2, List.of())
                            .stream()
                            .map(StandardCredentials::getId)
                            .toList();
            boolean inside = group == teamA || group == nested;
            assertThat(ids.contains("team-a-key")).as(group.getFullName()).isEqualTo(inside);
        }
    }
}
