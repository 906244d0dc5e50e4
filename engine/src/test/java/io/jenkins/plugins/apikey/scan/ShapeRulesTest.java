package io.jenkins.plugins.apikey.scan;

import static io.jenkins.plugins.apikey.scan.Scans.KATALO;
import static io.jenkins.plugins.apikey.scan.Scans.KATALON;
import static io.jenkins.plugins.apikey.scan.Scans.XRAY_ID;
import static io.jenkins.plugins.apikey.scan.Scans.XRAY_SECRET;
import static io.jenkins.plugins.apikey.scan.Scans.leaks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keys nobody passed in, found by the presets' shapes: each rule, where it applies and where it does not. */
class ShapeRulesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "katalonc -noSplash -runMode=console -apiKey=@ -projectPath=x.prj",
                "katalonc -apikey=@",
                "katalonc -apiKey=\"@\" -retry=0",
                "katalonc -apiKey='@'",
                "KATALON_API_KEY=@",
                "export KATALON_API_KEY=\"@\"",
                "  apiKey: @",
                "  \"apikey\": \"@\",",
                "sh \"katalonc -apiKey=\\\"@\\\"\"",
                "<arguments>-apiKey=&quot;@&quot;</arguments>",
                "withEnv(['KATALON_API_KEY=@']) {",
                "[2026-11-30T05:00:00.000Z] + katalonc -apiKey=@"
            })
    void findsAKatalonKeyInEachSettingAtItsByteColumn(String template) throws Exception {
        String line = template.replace("@", KATALON);
        List<Leak> leaks = leaks(dir, "log", "first line\n" + line + "\nlast line\n");

        assertThat(leaks)
                .extracting(Leak::line, Leak::column, Leak::rule, Leak::known, Leak::form, Leak::hint)
                .containsExactly(tuple(2L, (long) line.indexOf(KATALON) + 1, "katalon", false, "plain", "…1d07"));
        assertThat(leaks.get(0).length()).isEqualTo(KATALON.length());
        assertThat(leaks.get(0).endColumn()).isEqualTo(line.indexOf(KATALON) + 1 + KATALON.length());
    }

    @Test
    void findsAnOnPremiseKatalonKeyAsOnPremiseOnly() throws Exception {
        String line = "katalonc -apiKeyOnPremise=" + KATALON + " -testOps.serverUrl=https://testops.example.com";

        assertThat(leaks(dir, "log", line))
                .extracting(Leak::rule, Leak::column, Leak::form)
                .containsExactly(tuple("katalon-onprem", (long) line.indexOf(KATALON) + 1, "plain"));
    }

    @Test
    void findsAKatalonKeyAsThePasswordOfABasicHeader() throws Exception {
        String header = Base64.getEncoder().encodeToString((":" + KATALON).getBytes(StandardCharsets.UTF_8));
        String line = "> Authorization: Basic " + header;

        assertThat(leaks(dir, "curl.log", "* Connected\n" + line + "\n"))
                .extracting(Leak::line, Leak::column, Leak::length, Leak::rule, Leak::form, Leak::hint)
                .containsExactly(tuple(
                        2L, (long) line.indexOf(header) + 1, (long) header.length(), "katalon", "base64", "…1d07"));
    }

    @Test
    void aBasicHeaderWithAUserOrAnotherPasswordIsNoKatalonKey() throws Exception {
        Base64.Encoder base64 = Base64.getEncoder();
        String withUser = base64.encodeToString(("admin:" + KATALON).getBytes(StandardCharsets.UTF_8));
        String notUuid = base64.encodeToString(":hunter2-hunter2".getBytes(StandardCharsets.UTF_8));

        assertThat(leaks(dir, "log", "Authorization: Basic " + withUser + "\nAuthorization: Basic " + notUuid + "\n"))
                .isEmpty();
    }

    @Test
    void findsAKataloKeyByItsPrefixWithThePublicKeyIdAsHint() throws Exception {
        String line = "curl -H \"Authorization: Bearer " + KATALO + "\" https://api.katalo.example";

        assertThat(leaks(dir, "log", line))
                .extracting(Leak::column, Leak::length, Leak::rule, Leak::form, Leak::hint)
                .containsExactly(tuple(
                        (long) line.indexOf(KATALO) + 1, (long) KATALO.length(), "katalo", "plain", "PubKey123456"));
    }

    @Test
    void findsAnXraySecretOnTheLineOfAClientId() throws Exception {
        String line = "xray auth --client_id " + XRAY_ID + " --client_secret " + XRAY_SECRET;

        assertThat(leaks(dir, "log", line))
                .extracting(Leak::column, Leak::length, Leak::rule, Leak::hint)
                .containsExactly(tuple((long) line.indexOf(XRAY_SECRET) + 1, 64L, "xray", "…4c5d"));
    }

    @Test
    void findsAnXraySecretInTheJsonObjectOfAClientId() throws Exception {
        String json = "{\n  \"other\": {\"a\": 1},\n  \"auth\": {\n    \"client_id\": \"" + XRAY_ID
                + "\",\n    \"note\": \"nightly\",\n    \"client_secret\": \"" + XRAY_SECRET + "\"\n  }\n}\n";

        assertThat(leaks(dir, "xray.json", json))
                .extracting(Leak::line, Leak::column, Leak::rule, Leak::hint)
                .containsExactly(tuple(6L, 23L, "xray", "…4c5d"));
    }

    @Test
    void findsAnXraySecretInTheYamlObjectOfAClientIdInEitherOrder() throws Exception {
        String yaml = "xray:\n  clientSecret: " + XRAY_SECRET + "\n  region: EU\n  clientId: " + XRAY_ID
                + "\nother:\n  token: abc\n";

        assertThat(leaks(dir, "config.yaml", yaml))
                .extracting(Leak::line, Leak::column, Leak::rule)
                .containsExactly(tuple(2L, 17L, "xray"));
    }

    @Test
    void anXraySecretInAListItemOfItsOwnIsFoundOnlyBesideItsClientId() throws Exception {
        String yaml = "clients:\n  - client_id: " + XRAY_ID + "\n    client_secret: " + XRAY_SECRET
                + "\n  - name: sha\n    digest: " + XRAY_SECRET.replace('9', '8') + "\n";

        assertThat(leaks(dir, "clients.yaml", yaml)).extracting(Leak::line).containsExactly(3L);
    }

    @Test
    void sixtyFourHexDigitsWithoutAClientIdAreNoKey() throws Exception {
        String text = "sha256: " + XRAY_SECRET + "\n{\n  \"digest\": \"" + XRAY_SECRET + "\"\n}\n"
                + "xray:\n  client_id: " + XRAY_ID + "\n\nunrelated:\n  digest: " + XRAY_SECRET + "\n";

        assertThat(leaks(dir, "digests.yaml", text)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}]")
    @ValueSource(
            strings = {
                "build 3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f1d07 started",
                "myapiKey=3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f1d07",
                "-apiKey=3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f1d07aa",
                "-apiKey=not-a-uuid",
                "-apiKey=$KATALON_API_KEY",
                "MY_KATALON_API_KEY_FILE=/run/secrets/key",
                "xkat_live_PubKey123456.S3cretPart0123456789abcdefXYZ",
                "kat_live_PubKey123456",
                "KAT_LIVE_PubKey123456.S3cretPart0123456789abcdefXYZ",
                "Authorization: Basic bm90IGEga2V5"
            })
    void findsNothingWhereNoShapeApplies(String line) throws Exception {
        assertThat(leaks(dir, "log", line + "\n")).isEmpty();
    }

    @Test
    void findsEveryKeyOnALineAndOnEveryLine() throws Exception {
        String text = "-apiKey=" + KATALON + " " + KATALO + " KATALON_API_KEY=" + KATALON.toUpperCase() + "\n"
                + "no key\r\n" + "\t-apiKey=" + KATALON + "\r\n";

        assertThat(leaks(dir, "log", text))
                .extracting(Leak::line, Leak::column, Leak::rule)
                .containsExactly(
                        tuple(1L, 9L, "katalon"),
                        tuple(1L, 46L, "katalo"),
                        tuple(1L, 114L, "katalon"),
                        tuple(3L, 10L, "katalon"));
    }

    @Test
    void numbersTheSameKeyTheSameWherePresetsFindIt() throws Exception {
        String header = Base64.getEncoder().encodeToString((":" + KATALON).getBytes(StandardCharsets.UTF_8));
        List<Leak> leaks = leaks(
                dir,
                "log",
                "-apiKey=" + KATALON + "\nAuthorization: Basic " + header + "\n-apiKey=" + KATALON.replace('f', 'e'));

        assertThat(leaks).extracting(Leak::key).containsExactly(1, 1, 2);
    }
}
