package io.jenkins.plugins.apikey.manage;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.apikey.provider.SecretDirectoryConfiguration;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import org.junit.jupiter.api.Test;

@WithJenkinsConfiguredWithCode
class LifecycleConfigurationAsCodeTest {

    @Test
    @ConfiguredWithCode("Lifecycle.yaml")
    void policyAndSecretDirectoryAreConfigurable(JenkinsConfiguredWithCodeRule j) {
        assertThat(ApiKeyPolicy.get().getMaxAgeDays()).isEqualTo(90);
        assertThat(ApiKeyPolicy.get().getMaxIdleDays()).isEqualTo(30);
        assertThat(ApiKeyPolicy.get().isFailBuildsOnExpiredKeys()).isTrue();
        assertThat(SecretDirectoryConfiguration.get().getDirectory()).isEqualTo("/run/secrets/api-keys");
    }
}
