package io.jenkins.plugins.apikey.preset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServicePresetsTest {

    private static final String UUID_KEY = "3f2b8c1e-7d4a-4b9e-a1c2-5e6f7a8b1d07";
    private static final String CLIENT_ID = "0123456789ABCDEF0123456789ABCDEF";
    private static final String CLIENT_SECRET = "a".repeat(32) + "0123456789abcdef0123456789abcdef";
    private static final String KATALO_KEY = "kat_live_pk7Hs2Lq9.s3cr3tV4lu3Th4tIsL0ng3n0ugh";

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    @Test
    void registryListsEveryPresetByIdInOrder() {
        assertThat(ServicePresets.all())
                .extracting(ServicePreset::id)
                .containsExactly("katalon", "katalon-onprem", "xray", "katalo", "generic");
        assertThat(ServicePresets.singleKey()).extracting(ServicePreset::id).doesNotContain("xray");
        assertThat(ServicePresets.byId("xray")).contains(ServicePresets.XRAY_CLOUD);
        assertThat(ServicePresets.byId("nope")).isEmpty();
        assertThat(ServicePresets.byIdOrGeneric(null)).isSameAs(ServicePresets.GENERIC);
    }

    @Test
    void katalonAcceptsAUuidAndWarnsOnOtherShapes() {
        ServicePreset katalon = ServicePresets.KATALON;

        assertThat(katalon.checkKey(UUID_KEY)).isEmpty();
        assertThat(katalon.checkKey("abcdefgh12345"))
                .containsExactly(Finding.warning(
                        "katalon.format",
                        "Katalon API keys usually look like a UUID"
                                + " (8-4-4-4-12 hexadecimal digits). Check that you copied the whole key from Katalon TestOps"
                                + " (Settings > API Keys)."));
    }

    @Test
    void katalonRejectsKeysKatalonRejects() {
        assertThat(ServicePresets.KATALON.checkKey("a1b2c3d"))
                .containsExactly(Finding.error(
                        "katalon.short",
                        "The Katalon API key is only 7 characters long;"
                                + " katalonc rejects keys of 7 characters or fewer. Copy the whole key from Katalon TestOps"
                                + " (Settings > API Keys)."));
        assertThat(codes(ServicePresets.KATALON.checkKey("a1b2c3d4"))).containsExactly("katalon.format");
        assertThat(codes(ServicePresets.KATALON.checkKey(" " + UUID_KEY))).containsExactly("key.padded");
    }

    @Test
    void katalonVariablesArgumentsAndMaskValues() {
        KeyMaterial material = KeyMaterial.of(UUID_KEY);
        ServicePreset katalon = ServicePresets.KATALON;

        assertThat(katalon.keyVariable()).isEqualTo("KATALON_API_KEY");
        assertThat(katalon.argumentsVariable()).contains("KATALON_ARGS");
        assertThat(katalon.consoleArguments(material)).containsExactly("-apiKey=" + UUID_KEY);
        assertThat(katalon.maskValues(material))
                .containsExactly(
                        UUID_KEY,
                        Base64.getEncoder().encodeToString((":" + UUID_KEY).getBytes(StandardCharsets.UTF_8)));
        assertThat(katalon.hint(material)).isEqualTo("…1d07");
    }

    @Test
    void onPremiseNeedsAValidServerUrl() {
        ServicePreset onPrem = ServicePresets.KATALON_ON_PREMISE;

        assertThat(onPrem.needsServerUrl()).isTrue();
        assertThat(onPrem.checkServerUrl("https://testops.example.com")).isEmpty();
        assertThat(onPrem.checkServerUrl(" "))
                .containsExactly(Finding.error(
                        "url.missing",
                        "Katalon TestOps on-premise needs the server URL, such"
                                + " as https://testops.example.com. Enter the address of your TestOps server."));
        assertThat(codes(onPrem.checkServerUrl("testops.example.com"))).containsExactly("url.invalid");
        assertThat(codes(onPrem.checkServerUrl("ftp://testops.example.com"))).containsExactly("url.invalid");
        assertThat(codes(onPrem.checkServerUrl("https://exa mple.com"))).containsExactly("url.invalid");
        assertThat(codes(onPrem.checkServerUrl("https://admin:pw@testops.example.com")))
                .containsExactly("url.credentials");
        assertThat(onPrem.checkServerUrl("http://testops.internal:8080"))
                .containsExactly(Finding.warning(
                        "url.http",
                        "The server URL uses http, so the API key would cross"
                                + " the network unencrypted. Use https if the server supports it."));
    }

    @Test
    void onPremiseConsoleArguments() {
        KeyMaterial material = new KeyMaterial(UUID_KEY, null, "https://testops.example.com");

        assertThat(ServicePresets.KATALON_ON_PREMISE.consoleArguments(material))
                .containsExactly("-apiKeyOnPremise=" + UUID_KEY, "-testOps.serverUrl=https://testops.example.com");
        assertThat(ServicePresets.KATALON_ON_PREMISE.check(material)).isEmpty();
        assertThat(codes(ServicePresets.KATALON_ON_PREMISE.check(KeyMaterial.of(UUID_KEY))))
                .containsExactly("url.missing");
    }

    @Test
    void xrayChecksBothPartsAndHintsWithTheClientId() {
        ServicePreset xray = ServicePresets.XRAY_CLOUD;
        KeyMaterial material = new KeyMaterial(CLIENT_SECRET, CLIENT_ID, null);

        assertThat(xray.isClientCredentials()).isTrue();
        assertThat(xray.check(material)).isEmpty();
        assertThat(xray.checkClientId("not-hex-at-all-but-long"))
                .containsExactly(Finding.warning(
                        "xray.client-id.format",
                        "Xray Cloud client ids are usually 32"
                                + " hexadecimal digits. Check that you copied the client id, not the secret, from Xray"
                                + " (Settings > API Keys)."));
        assertThat(codes(xray.checkKey(CLIENT_SECRET.substring(1)))).containsExactly("xray.secret.format");
        assertThat(codes(xray.checkClientId(""))).containsExactly("key.blank");
        assertThat(xray.checkClientId("").get(0).message()).startsWith("The Xray Cloud client id is empty.");
        assertThat(xray.hint(material)).isEqualTo("…CDEF");
        assertThat(xray.keyVariable()).isEqualTo("XRAY_CLIENT_SECRET");
        assertThat(xray.clientIdVariable()).contains("XRAY_CLIENT_ID");
        assertThat(xray.maskValues(material)).containsExactly(CLIENT_SECRET);
    }

    @Test
    void kataloKeysNeedThePrefixAndTheDot() {
        ServicePreset katalo = ServicePresets.KATALO;

        assertThat(katalo.checkKey(KATALO_KEY)).isEmpty();
        assertThat(katalo.checkKey("kat_test_pk7Hs2Lq9.s3cr3t"))
                .containsExactly(Finding.error(
                        "katalo.prefix",
                        "A Katalo organisation key starts with kat_live_. Copy"
                                + " the whole key, including that prefix."));
        assertThat(katalo.checkKey("kat_live_pk7Hs2Lq9s3cr3t"))
                .containsExactly(Finding.error(
                        "katalo.dot",
                        "A Katalo organisation key has the form"
                                + " kat_live_<public key id>.<secret>, and this one has no dot or an empty part. Copy the whole"
                                + " key."));
        assertThat(codes(katalo.checkKey("kat_live_.s3cr3tV4lu3"))).containsExactly("katalo.dot");
        assertThat(codes(katalo.checkKey("kat_live_pk7Hs2Lq9."))).containsExactly("katalo.dot");
    }

    @Test
    void kataloHintIsThePublicKeyIdAndTheSecretPartIsMaskedAlone() {
        KeyMaterial material = KeyMaterial.of(KATALO_KEY);

        assertThat(ServicePresets.KATALO.hint(material)).isEqualTo("pk7Hs2Lq9");
        assertThat(ServicePresets.KATALO.maskValues(material))
                .containsExactly(KATALO_KEY, "s3cr3tV4lu3Th4tIsL0ng3n0ugh");
        assertThat(ServicePresets.KATALO.keyVariable()).isEqualTo("KATALO_API_KEY");
    }

    @Test
    void genericTakesAnyKeyWithTheCommonChecks() {
        assertThat(ServicePresets.GENERIC.checkKey("whatever-shape-123")).isEmpty();
        assertThat(codes(ServicePresets.GENERIC.checkKey("changeme"))).containsExactly("key.placeholder");
        assertThat(ServicePresets.GENERIC.keyVariable()).isEqualTo("API_KEY");
        assertThat(ServicePresets.GENERIC.consoleArguments(KeyMaterial.of("k"))).isEmpty();
    }

    @Test
    void hintsNeverShowMoreThanFourCharactersAndNothingOfShortKeys() {
        assertThat(Hints.lastFour("0123456789ab")).isEqualTo("…89ab");
        assertThat(Hints.lastFour("0123456789a")).isEmpty();
        assertThat(Hints.lastFour(null)).isEmpty();
        assertThat(Hints.lastFour("  0123456789abcdef😀  ")).isEqualTo("…def😀");
    }

    @Test
    void keyMaterialToStringHidesTheKey() {
        assertThat(new KeyMaterial(UUID_KEY, CLIENT_ID, null).toString())
                .doesNotContain(UUID_KEY)
                .contains("****");
    }
}
