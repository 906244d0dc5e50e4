package io.jenkins.plugins.apikey.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.apikey.exchange.XrayRegion;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import io.jenkins.plugins.apikey.preset.ServicePresets;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindingPlannerTest {

    private static final String KEY = "3f2b8c1e-7d4a-4b9e-a1c2-5e6f7a8b1d07";
    private static final String CLIENT_ID = "0123456789ABCDEF0123456789ABCDEF";
    private static final String SECRET = "5e8f0a7c9b1d3e2f4a6c8b0d1e3f5a7c9b2d4e6f8a0c1b3d5e7f9a2c4b6d8e0f";
    private static final String KATALO_KEY = "kat_live_pk7Hs2Lq9.s3cr3tV4lu3Th4tIsL0ng3n0ugh";
    private static final String SERVER = "https://testops.example.com";

    private static BindingPlan plan(BindingRequest... requests) throws BindingException {
        return BindingPlanner.plan(List.of(requests));
    }

    private static BindingRequest request(
            String id, ServicePreset preset, KeyMaterial material, BindingOptions options) {
        return BindingRequest.of(id, preset, material, options);
    }

    private static BindingOptions options(String keyVariable, BindingOptions.KeyFile file) {
        return new BindingOptions(keyVariable, null, null, file, null, null);
    }

    private static String basic(String key) {
        return Base64.getEncoder().encodeToString((":" + key).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void katalonBindsTheKeyAndTheConsoleArguments() throws Exception {
        BindingPlan plan = plan(BindingRequest.of("katalon", ServicePresets.KATALON, KeyMaterial.of(KEY)));

        assertThat(plan.variables())
                .containsExactly(
                        new BindingPlan.Variable("KATALON_API_KEY", KEY, true),
                        new BindingPlan.Variable("KATALON_ARGS", "-apiKey=" + KEY, true));
        assertThat(plan.sensitiveVariables()).containsExactly("KATALON_API_KEY", "KATALON_ARGS");
        assertThat(plan.maskValues()).containsExactly(KEY, basic(KEY), "-apiKey=" + KEY);
        assertThat(plan.files()).isEmpty();
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void onPremiseArgumentsCarryTheServerUrl() throws Exception {
        BindingPlan plan = plan(
                BindingRequest.of("onprem", ServicePresets.KATALON_ON_PREMISE, new KeyMaterial(KEY, null, SERVER)));

        assertThat(plan.variables())
                .contains(new BindingPlan.Variable(
                        "KATALON_ARGS", "-apiKeyOnPremise=" + KEY + " -testOps.serverUrl=" + SERVER, true));
    }

    @Test
    void xrayBindsTheClientIdInTheClearAndTheSecretMasked() throws Exception {
        BindingPlan plan =
                plan(BindingRequest.of("xray", ServicePresets.XRAY_CLOUD, new KeyMaterial(SECRET, CLIENT_ID, null)));

        assertThat(plan.variables())
                .containsExactly(
                        new BindingPlan.Variable("XRAY_CLIENT_SECRET", SECRET, true),
                        new BindingPlan.Variable("XRAY_CLIENT_ID", CLIENT_ID, false));
        assertThat(plan.maskValues()).containsExactly(SECRET);
        assertThat(plan.sensitiveVariables()).containsExactly("XRAY_CLIENT_SECRET");
    }

    @Test
    void kataloAndGenericBindOneVariable() throws Exception {
        BindingPlan plan = plan(
                BindingRequest.of("katalo", ServicePresets.KATALO, KeyMaterial.of(KATALO_KEY)),
                BindingRequest.of("other", ServicePresets.GENERIC, KeyMaterial.of("sk-abcdef0123456789")));

        assertThat(plan.variables())
                .extracting(BindingPlan.Variable::name)
                .containsExactly("KATALO_API_KEY", "API_KEY");
        assertThat(plan.maskValues()).containsExactly(KATALO_KEY, "s3cr3tV4lu3Th4tIsL0ng3n0ugh", "sk-abcdef0123456789");
    }

    @Test
    void variableNamesCanBeChosen() throws Exception {
        BindingPlan plan = plan(
                request(
                        "k",
                        ServicePresets.KATALON,
                        KeyMaterial.of(KEY),
                        new BindingOptions("MY_KEY", null, "MY_ARGS", null, null, null)),
                request(
                        "x",
                        ServicePresets.XRAY_CLOUD,
                        new KeyMaterial(SECRET, CLIENT_ID, null),
                        new BindingOptions("XS", "XI", null, null, null, null)));

        assertThat(plan.variables())
                .extracting(BindingPlan.Variable::name)
                .containsExactly("MY_KEY", "MY_ARGS", "XS", "XI");
    }

    @Test
    void keyFilesAreOwnedByTheirBinding() throws Exception {
        BindingPlan plan = plan(
                request(
                        "a",
                        ServicePresets.KATALON,
                        KeyMaterial.of(KEY),
                        options(null, new BindingOptions.KeyFile(null))),
                request(
                        "b",
                        ServicePresets.GENERIC,
                        KeyMaterial.of("sk-abcdef0123456789"),
                        options(null, new BindingOptions.KeyFile("OTHER_FILE"))));

        assertThat(plan.files()).hasSize(2);
        assertThat(plan.files().get(0).variable()).isEqualTo("KATALON_API_KEY_FILE");
        assertThat(plan.files().get(0).relativePath()).isEqualTo("1/key");
        assertThat(new String(plan.files().get(0).content(), StandardCharsets.UTF_8))
                .isEqualTo(KEY);
        assertThat(plan.files().get(1).variable()).isEqualTo("OTHER_FILE");
        assertThat(plan.files().get(1).relativePath()).isEqualTo("2/key");
        assertThat(plan.files().get(0).toString()).doesNotContain(KEY);
    }

    @Test
    void agentConfigFileIsRenderedAndItsKeyLineMasked() throws Exception {
        BindingOptions options = new BindingOptions(
                null,
                null,
                null,
                null,
                new BindingOptions.AgentConfig(null, null, "42", "linux-runner-1", "qa@example.com"),
                null);

        BindingPlan plan =
                plan(request("onprem", ServicePresets.KATALON_ON_PREMISE, new KeyMaterial(KEY, null, SERVER), options));

        assertThat(plan.files()).singleElement().satisfies(file -> {
            assertThat(file.variable()).isEqualTo("KATALON_AGENT_CONFIG");
            assertThat(file.relativePath()).isEqualTo("1/agentconfig");
            assertThat(new String(file.content(), StandardCharsets.UTF_8))
                    .isEqualTo("apikey=" + KEY + "\nserverUrl=" + SERVER
                            + "\norganizationId=42\nagentName=linux-runner-1\n" + "email=qa@example.com\n");
        });
        assertThat(plan.maskValues()).contains("apikey=" + KEY);
    }

    @Test
    void agentConfigDefaultsToTestOpsCloudAndLeavesOutEmptyValues() throws Exception {
        BindingOptions options = new BindingOptions(
                null, null, null, null, new BindingOptions.AgentConfig("AGENT_CFG", " ", null, "", null), null);

        BindingPlan plan = plan(request("k", ServicePresets.KATALON, KeyMaterial.of(KEY), options));

        assertThat(new String(plan.files().get(0).content(), StandardCharsets.UTF_8))
                .isEqualTo("apikey=" + KEY + "\nserverUrl=https://testops.katalon.io\n");
        assertThat(plan.files().get(0).variable()).isEqualTo("AGENT_CFG");
    }

    @Test
    void tokenExchangeIsPlannedForClientCredentials() throws Exception {
        BindingOptions options = new BindingOptions(
                null, null, null, null, null, new BindingOptions.Token(null, XrayRegion.EU.baseUrl()));

        BindingPlan plan =
                plan(request("xray", ServicePresets.XRAY_CLOUD, new KeyMaterial(SECRET, CLIENT_ID, null), options));

        assertThat(plan.exchanges()).singleElement().satisfies(exchange -> {
            assertThat(exchange.variable()).isEqualTo("XRAY_TOKEN");
            assertThat(exchange.baseUrl()).isEqualTo(URI.create("https://eu.xray.cloud.getxray.app"));
            assertThat(exchange.clientId()).isEqualTo(CLIENT_ID);
            assertThat(exchange.clientSecret()).isEqualTo(SECRET);
            assertThat(exchange.toString()).doesNotContain(SECRET);
        });
        assertThat(plan.sensitiveVariables()).contains("XRAY_TOKEN");
        BindingPlan global = plan(request(
                "xray",
                ServicePresets.XRAY_CLOUD,
                new KeyMaterial(SECRET, CLIENT_ID, null),
                new BindingOptions(null, null, null, null, null, new BindingOptions.Token("T", null))));
        assertThat(global.exchanges().get(0).baseUrl()).isEqualTo(XrayRegion.GLOBAL.baseUrl());
    }

    @Test
    void keysThatFailTheirChecksAreRefusedWithTheFinding() {
        assertThatThrownBy(() -> plan(BindingRequest.of("short", ServicePresets.KATALON, KeyMaterial.of("abc1234"))))
                .isInstanceOf(BindingException.class)
                .hasMessage("Credentials 'short' cannot be bound: The Katalon API key is only 7 characters long;"
                        + " katalonc rejects keys of 7 characters or fewer. Copy the whole key from Katalon TestOps"
                        + " (Settings > API Keys).");
        assertThatThrownBy(
                        () -> plan(BindingRequest.of("onprem", ServicePresets.KATALON_ON_PREMISE, KeyMaterial.of(KEY))))
                .hasMessageContaining("needs the server URL");
    }

    @Test
    void warningsDoNotStopTheBinding() throws Exception {
        BindingPlan plan = plan(BindingRequest.of("odd", ServicePresets.KATALON, KeyMaterial.of("notauuidbutlong")));

        assertThat(plan.warnings())
                .singleElement()
                .asString()
                .startsWith("Warning for credentials 'odd': Katalon API keys");
    }

    @Test
    void badVariableNamesAndClashesAreRefused() {
        assertThatThrownBy(() -> plan(request("k", ServicePresets.KATALON, KeyMaterial.of(KEY), options("1BAD", null))))
                .hasMessage("Variable name '1BAD' of credentials 'k' is not valid. Use letters, digits and underscores,"
                        + " not starting with a digit.");
        assertThatThrownBy(() -> plan(request("k", ServicePresets.KATALON, KeyMaterial.of(KEY), options("A-B", null))))
                .hasMessageContaining("'A-B'");
        assertThatThrownBy(() -> plan(
                        BindingRequest.of("one", ServicePresets.KATALON, KeyMaterial.of(KEY)),
                        BindingRequest.of("two", ServicePresets.KATALON, KeyMaterial.of(KEY))))
                .hasMessage(
                        "Variable KATALON_API_KEY is bound twice, by credentials 'one' and by credentials 'two'. Give"
                                + " one of them another variable name.");
        assertThatThrownBy(() ->
                        plan(request("k", ServicePresets.KATALON, KeyMaterial.of(KEY), options("KATALON_ARGS", null))))
                .hasMessageContaining("KATALON_ARGS is bound twice");
    }

    @Test
    void optionsThatDoNotFitTheServiceAreRefused() {
        assertThatThrownBy(() -> plan(request(
                        "g",
                        ServicePresets.GENERIC,
                        KeyMaterial.of("sk-abcdef0123456789"),
                        new BindingOptions(null, null, null, null, null, new BindingOptions.Token(null, null)))))
                .hasMessage("Option exchangeToken does not apply to credentials 'g': its service is Generic API key."
                        + " Remove the option, or bind a key of a service that uses it.");
        assertThatThrownBy(() -> plan(request(
                        "g",
                        ServicePresets.GENERIC,
                        KeyMaterial.of("sk-abcdef0123456789"),
                        new BindingOptions(null, null, "ARGS", null, null, null))))
                .hasMessageContaining("Option argumentsVariable");
        assertThatThrownBy(() -> plan(request(
                        "g",
                        ServicePresets.KATALO,
                        KeyMaterial.of(KATALO_KEY),
                        new BindingOptions(null, "ID", null, null, null, null))))
                .hasMessageContaining("Option clientIdVariable");
        assertThatThrownBy(() -> plan(request(
                        "x",
                        ServicePresets.XRAY_CLOUD,
                        new KeyMaterial(SECRET, CLIENT_ID, null),
                        new BindingOptions(
                                null,
                                null,
                                null,
                                null,
                                new BindingOptions.AgentConfig(null, null, null, null, null),
                                null))))
                .hasMessageContaining("Option agentConfig");
    }

    @Test
    void commandLineKeysAreNamedByNameAndSourceWithOptionsAsFlags() {
        KeyLabel key = KeyLabel.commandLine("ke", "env:KATALON_API_KEY");
        BindingOptions token = new BindingOptions(null, null, null, null, null, new BindingOptions.Token(null, null));

        assertThatThrownBy(() -> plan(new BindingRequest(key, ServicePresets.KATALON, KeyMaterial.of(KEY), token)))
                .hasMessage("Option --exchange-token does not apply to key 'ke' (env:KATALON_API_KEY): its service is"
                        + " Katalon (TestOps, Store, Runtime Engine). Remove the option, or bind a key of a service"
                        + " that uses it.");
        assertThatThrownBy(() -> plan(new BindingRequest(
                        key, ServicePresets.KATALON, KeyMaterial.of("abc1234"), BindingOptions.defaults())))
                .hasMessageStartingWith("Key 'ke' (env:KATALON_API_KEY) cannot be bound: ");
        assertThatThrownBy(() -> plan(
                        new BindingRequest(key, ServicePresets.GENERIC, KeyMaterial.of(KEY), BindingOptions.defaults()),
                        new BindingRequest(
                                KeyLabel.environmentFile("API_KEY", "ci.env", 3),
                                ServicePresets.GENERIC,
                                KeyMaterial.of(KATALO_KEY),
                                BindingOptions.defaults())))
                .hasMessage("Variable API_KEY is bound twice, by key 'ke' (env:KATALON_API_KEY) and by variable API_KEY"
                        + " of ci.env line 3. Give one of them another variable name.");
    }

    @Test
    void agentConfigValuesMustBeSingleLines() {
        BindingOptions options = new BindingOptions(
                null, null, null, null, new BindingOptions.AgentConfig(null, null, "1\nevil=2", null, null), null);

        assertThatThrownBy(() -> plan(request("k", ServicePresets.KATALON, KeyMaterial.of(KEY), options)))
                .hasMessage("The agent configuration value organizationId contains a line break, which would break the"
                        + " file. Enter it on one line.");
    }

    @Test
    void planAndVariablesPrintNoSecret() throws Exception {
        BindingPlan plan = plan(BindingRequest.of("katalon", ServicePresets.KATALON, KeyMaterial.of(KEY)));

        assertThat(plan.toString()).doesNotContain(KEY).contains("KATALON_API_KEY");
        assertThat(plan.variables().get(0).toString()).isEqualTo("KATALON_API_KEY=****");
    }
}
