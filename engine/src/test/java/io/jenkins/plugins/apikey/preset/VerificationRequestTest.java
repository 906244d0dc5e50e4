package io.jenkins.plugins.apikey.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.apikey.exchange.TokenRequest;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whether and how each preset verifies a key, and how a caller checks where a key would go. */
class VerificationRequestTest {

    private static final String KEY = "3f2b8c1e-7d4a-4b9e-a1c2-5e6f7a8b1d07";
    private static final KeyMaterial CLOUD = KeyMaterial.of(KEY);
    private static final KeyMaterial ON_PREMISE = new KeyMaterial(KEY, null, "https://testops.example.com/testops");
    private static final KeyMaterial XRAY = new KeyMaterial("s".repeat(64), "0123456789ABCDEF0123456789ABCDEF", null);

    private static TokenRequest request(ServicePreset preset, KeyMaterial material, URI baseUrl) {
        return preset.verificationRequest(material, baseUrl).orElseThrow();
    }

    private static boolean allowed(ServicePreset preset, KeyMaterial material, TokenRequest request) {
        return preset.verificationBaseUrls(material).stream().anyMatch(request::isUnder);
    }

    @Test
    void katalonCloudKeysGoToTestOpsCloud() {
        TokenRequest own = request(ServicePresets.KATALON, CLOUD, null);
        TokenRequest elsewhere = request(ServicePresets.KATALON, CLOUD, URI.create("https://evil.example.com"));

        assertThat(own.endpoint()).isEqualTo(URI.create("https://testops.katalon.io/oauth/token"));
        assertThat(own.service()).isEqualTo("Katalon TestOps");
        assertThat(allowed(ServicePresets.KATALON, CLOUD, own)).isTrue();
        assertThat(elsewhere.endpoint()).isEqualTo(URI.create("https://evil.example.com/oauth/token"));
        assertThat(allowed(ServicePresets.KATALON, CLOUD, elsewhere)).isFalse();
    }

    @Test
    void onPremiseKeysGoToTheirOwnServerOnly() {
        TokenRequest own = request(ServicePresets.KATALON_ON_PREMISE, ON_PREMISE, null);
        TokenRequest cloud =
                request(ServicePresets.KATALON_ON_PREMISE, ON_PREMISE, URI.create(KatalonPreset.CLOUD_SERVER_URL));

        assertThat(own.endpoint()).isEqualTo(URI.create("https://testops.example.com/testops/oauth/token"));
        assertThat(ServicePresets.KATALON_ON_PREMISE.verificationBaseUrls(ON_PREMISE))
                .containsExactly(URI.create("https://testops.example.com/testops"));
        assertThat(allowed(ServicePresets.KATALON_ON_PREMISE, ON_PREMISE, own)).isTrue();
        assertThat(allowed(ServicePresets.KATALON_ON_PREMISE, ON_PREMISE, cloud))
                .isFalse();
    }

    @Test
    void onPremiseKeysWithoutAUsableServerUrlCannotBeSentAnywhere() {
        KeyMaterial missing = KeyMaterial.of(KEY);
        KeyMaterial ftp = new KeyMaterial(KEY, null, "ftp://testops.example.com");

        assertThatThrownBy(() -> ServicePresets.KATALON_ON_PREMISE.verificationRequest(missing, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Katalon TestOps on-premise needs the server URL");
        assertThatThrownBy(() -> ServicePresets.KATALON_ON_PREMISE.verificationRequest(ftp, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The server URL is not an absolute http or https URL. Enter it like"
                        + " https://testops.example.com.");
        assertThat(ServicePresets.KATALON_ON_PREMISE.verificationBaseUrls(missing))
                .isEmpty();
        assertThat(ServicePresets.KATALON_ON_PREMISE.verificationBaseUrls(ftp)).isEmpty();
    }

    @Test
    void xrayKeysGoToTheGlobalEndpointOrARegion() {
        TokenRequest global = request(ServicePresets.XRAY_CLOUD, XRAY, null);
        TokenRequest eu = request(ServicePresets.XRAY_CLOUD, XRAY, URI.create("https://eu.xray.cloud.getxray.app"));
        TokenRequest elsewhere = request(ServicePresets.XRAY_CLOUD, XRAY, URI.create("https://xray.example.com"));

        assertThat(global.endpoint()).isEqualTo(URI.create("https://xray.cloud.getxray.app/api/v1/authenticate"));
        assertThat(global.service()).isEqualTo("Xray Cloud");
        assertThat(ServicePresets.XRAY_CLOUD.verificationBaseUrls(XRAY)).hasSize(4);
        assertThat(allowed(ServicePresets.XRAY_CLOUD, XRAY, global)).isTrue();
        assertThat(allowed(ServicePresets.XRAY_CLOUD, XRAY, eu)).isTrue();
        assertThat(allowed(ServicePresets.XRAY_CLOUD, XRAY, elsewhere)).isFalse();
    }

    @Test
    void kataloAndGenericKeysHaveNoVerifier() {
        for (ServicePreset preset : List.of(ServicePresets.KATALO, ServicePresets.GENERIC)) {
            assertThat(preset.verificationRequest(CLOUD, null)).as(preset.id()).isEmpty();
            assertThat(preset.verificationRequest(CLOUD, URI.create("https://example.com")))
                    .isEmpty();
            assertThat(preset.verificationBaseUrls(CLOUD)).isEmpty();
        }
    }

    @Test
    void anEndpointIsUnderABaseUrlOnlyWithTheSameSchemeHostPortAndPathPrefix() {
        TokenRequest request = TokenRequest.katalon(URI.create("https://TestOps.Example.com/testops/"), KEY);

        assertThat(request.isUnder(URI.create("https://testops.example.com/testops")))
                .isTrue();
        assertThat(request.isUnder(URI.create("https://testops.example.com:443/testops/")))
                .isTrue();
        assertThat(request.isUnder(URI.create("https://testops.example.com"))).isTrue();
        assertThat(request.isUnder(URI.create("http://testops.example.com/testops")))
                .isFalse();
        assertThat(request.isUnder(URI.create("https://testops.example.com:8443/testops")))
                .isFalse();
        assertThat(request.isUnder(URI.create("https://testops.example.com/test")))
                .isFalse();
        assertThat(request.isUnder(URI.create("https://testops.example.com.evil.example/testops")))
                .isFalse();
        assertThat(request.isUnder(URI.create("testops.example.com"))).isFalse();
        assertThat(TokenRequest.katalon(URI.create("http://testops_host:8080"), KEY)
                        .isUnder(URI.create("http://testops_host:8080")))
                .as("a host name that java.net.URI cannot read is never allowed")
                .isFalse();
    }

    @Test
    void aRequestShowsItsEndpointNeverItsKey() {
        TokenRequest katalon = TokenRequest.katalon(URI.create("https://testops.example.com?x=1#top"), KEY);

        assertThat(katalon.endpoint()).isEqualTo(URI.create("https://testops.example.com/oauth/token"));
        assertThat(katalon).hasToString("TokenRequest[POST https://testops.example.com/oauth/token]");
        assertThat(request(ServicePresets.XRAY_CLOUD, XRAY, null).toString()).doesNotContain(XRAY.key());
    }
}
