package io.jenkins.plugins.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.casc.CredentialsRootConfigurator;
import hudson.security.ACL;
import hudson.util.Secret;
import io.jenkins.plugins.apikey.agent.ApiKeyNodeProperty;
import io.jenkins.plugins.apikey.binding.TokenEndpoints;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.Util;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.casc.model.Mapping;
import io.jenkins.plugins.casc.model.Sequence;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;

@WithJenkinsConfiguredWithCode
class ConfigurationAsCodeTest {

    private static final String KATALON_KEY = "3f2b8c1e-7d4a-4b9e-a1c2-5e6f7a8b1d07";
    private static final String XRAY_SECRET = "5e8f0a7c9b1d3e2f4a6c8b0d1e3f5a7c9b2d4e6f8a0c1b3d5e7f9a2c4b6d8e0f";

    @Test
    @ConfiguredWithCode("ConfigurationAsCode.yaml")
    void importsBothTypes(JenkinsConfiguredWithCodeRule j) {
        List<ApiKeyCredentials> keys = CredentialsProvider.lookupCredentialsInItemGroup(
                ApiKeyCredentials.class, j.jenkins, ACL.SYSTEM2, List.of());
        List<ClientCredentials> clients = CredentialsProvider.lookupCredentialsInItemGroup(
                ClientCredentials.class, j.jenkins, ACL.SYSTEM2, List.of());

        assertThat(keys).singleElement().satisfies(key -> {
            assertThat(key.getId()).isEqualTo("katalon-onprem");
            assertThat(key.getService()).isEqualTo("katalon-onprem");
            assertThat(key.getServerUrl()).isEqualTo("https://testops.example.com");
            assertThat(key.getActsAs()).isEqualTo("qa-bot@example.com");
            assertThat(key.getSecret().getPlainText()).isEqualTo(KATALON_KEY);
        });
        assertThat(clients).singleElement().satisfies(client -> {
            assertThat(client.getId()).isEqualTo("xray-qa");
            assertThat(client.getService()).isEqualTo("xray");
            assertThat(client.getUsername()).isEqualTo("0123456789ABCDEF0123456789ABCDEF");
            assertThat(client.getPassword().getPlainText()).isEqualTo(XRAY_SECRET);
        });
    }

    @Test
    @ConfiguredWithCode("ConfigurationAsCode.yaml")
    void importsAgentKeysAndTokenEndpoints(JenkinsConfiguredWithCodeRule j) {
        ApiKeyNodeProperty property = j.jenkins.getGlobalNodeProperties().get(ApiKeyNodeProperty.class);

        assertThat(property.getKeys()).singleElement().satisfies(key -> {
            assertThat(key.getCredentialsId()).isEqualTo("katalon-onprem");
            assertThat(key.getArgumentsVariable()).isEqualTo("TESTOPS_ARGS");
        });
        assertThat(TokenEndpoints.get().allows(URI.create("https://xray-proxy.example.com/")))
                .isTrue();
        assertThat(TokenEndpoints.get().allows(URI.create("https://elsewhere.example.com")))
                .isFalse();
    }

    @Test
    @ConfiguredWithCode("ConfigurationAsCode.yaml")
    void exportsWithSecretsEncrypted(JenkinsConfiguredWithCodeRule j) throws Exception {
        CredentialsRootConfigurator root = Jenkins.get()
                .getExtensionList(CredentialsRootConfigurator.class)
                .get(0);
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode exported = Objects.requireNonNull(root.describe(root.getTargetComponent(context), context));
        Sequence credentials = exported.asMapping()
                .get("system")
                .asMapping()
                .get("domainCredentials")
                .asSequence()
                .get(0)
                .asMapping()
                .get("credentials")
                .asSequence();

        Mapping apiKey = credentials.get(0).asMapping().get("apiKey").asMapping();
        Mapping client = credentials.get(1).asMapping().get("clientCredentials").asMapping();
        // getScalarValue removes what it reads: read each value once
        String exportedKey = apiKey.getScalarValue("secret");
        assertThat(apiKey.getScalarValue("service")).isEqualTo("katalon-onprem");
        assertThat(apiKey.getScalarValue("serverUrl")).isEqualTo("https://testops.example.com");
        assertThat(exportedKey).isNotEqualTo(KATALON_KEY);
        assertThat(Secret.decrypt(exportedKey).getPlainText()).isEqualTo(KATALON_KEY);
        assertThat(client.getScalarValue("username")).isEqualTo("0123456789ABCDEF0123456789ABCDEF");
        assertThat(Secret.decrypt(client.getScalarValue("password")).getPlainText())
                .isEqualTo(XRAY_SECRET);
        assertThat(Util.toYamlString(exported)).doesNotContain(KATALON_KEY, XRAY_SECRET);
    }
}
