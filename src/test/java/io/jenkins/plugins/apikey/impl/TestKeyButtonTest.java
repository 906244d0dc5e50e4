package io.jenkins.plugins.apikey.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.apikey.TestKeys;
import io.jenkins.plugins.apikey.testing.FakeService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlElementUtil;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class TestKeyButtonTest {

    private static final String KEY = "3f2b8c1e-7d4a-4b9e-a1c2-5e6f7a8b1d07";
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0In0.c2lnbmF0dXJl";
    private static final String API_KEY_TEST =
            "descriptorByName/io.jenkins.plugins.apikey.impl.ApiKeyCredentialsImpl/testKey";
    private static final String CLIENT_TEST =
            "descriptorByName/io.jenkins.plugins.apikey.impl.ClientCredentialsImpl/testKey";

    private JenkinsRule j;
    private JenkinsRule.WebClient admin;
    private FakeService service;
    private FakeService elsewhere;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        TestKeys.adminAndReader(j);
        service = FakeService.start().answer(200, "{\"access_token\":\"" + TOKEN + "\"}");
        elsewhere = FakeService.start().answer(200, "{\"access_token\":\"" + TOKEN + "\"}");
        admin = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        admin.login("admin");
    }

    @AfterEach
    void stopServices() {
        service.close();
        elsewhere.close();
    }

    private static Page post(JenkinsRule.WebClient client, String endpoint, Map<String, String> form) throws Exception {
        String query = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.getPage(new WebRequest(client.createCrumbedUrl(endpoint + "?" + query), HttpMethod.POST));
    }

    private static Map<String, String> onPremiseForm(String secret, String serverUrl, String id) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("secret", secret);
        form.put("service", "katalon-onprem");
        form.put("serverUrl", serverUrl);
        form.put("id", id);
        return form;
    }

    private static String answer(Page page) {
        String html = page.getWebResponse().getContentAsString();
        assertThat(html).doesNotContain(KEY, TOKEN);
        return html;
    }

    private ApiKeyCredentialsImpl storeOnPremise() throws Exception {
        ApiKeyCredentialsImpl stored = TestKeys.apiKey("onprem", "katalon-onprem", KEY);
        stored.setServerUrl(service.url().toString());
        TestKeys.store(j.jenkins, stored);
        return stored;
    }

    @Test
    void aTypedKeyIsSentToTheServerUrlOfTheFormAndTheAnswerShown() throws Exception {
        String html = answer(
                post(admin, API_KEY_TEST, onPremiseForm(KEY, service.url().toString(), "")));

        assertThat(html).contains("class=\"ok\"", service.url() + "/oauth/token accepted the key.", " ms)");
        assertThat(service.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.target()).isEqualTo("/oauth/token");
            assertThat(request.header("authorization")).isEqualTo("Basic a2l0OmtpdA==");
            assertThat(request.text()).isEqualTo("grant_type=password&username=&password=" + KEY);
        });
    }

    @Test
    void aRejectedKeyIsAnErrorAndAnUnreachableServiceAWarning() throws Exception {
        service.answer(401, "{\"error\":\"invalid_grant\"}");

        String rejected = answer(
                post(admin, API_KEY_TEST, onPremiseForm(KEY, service.url().toString(), "")));
        String unreachable = answer(post(admin, API_KEY_TEST, onPremiseForm(KEY, "http://127.0.0.1:9", "")));

        assertThat(rejected).contains("class=\"error\"", "rejected the key (HTTP 401, invalid_grant)");
        assertThat(unreachable).contains("class=\"warning\"", "Could not connect to http://127.0.0.1:9/oauth/token");
    }

    @Test
    void aKeyThatFailsItsFormatChecksIsNotSent() throws Exception {
        String html = answer(post(admin, API_KEY_TEST, onPremiseForm(KEY, "ftp://testops.example.com", "")));

        assertThat(html).contains("class=\"error\"");
        assertThat(service.requests()).isEmpty();
    }

    @Test
    void aStoredKeyIsSentOnlyWithItsOwnCredentialsAndServerUrl() throws Exception {
        ApiKeyCredentialsImpl stored = storeOnPremise();
        String ciphertext = stored.getStoredSecret().getEncryptedValue();

        String otherServer = answer(post(
                admin, API_KEY_TEST, onPremiseForm(ciphertext, elsewhere.url().toString(), "onprem")));
        String otherId = answer(post(
                admin, API_KEY_TEST, onPremiseForm(ciphertext, service.url().toString(), "new-key")));
        String noId = answer(post(
                admin, API_KEY_TEST, onPremiseForm(ciphertext, service.url().toString(), "")));

        for (String refused : new String[] {otherServer, otherId, noId}) {
            assertThat(refused).contains("class=\"error\"", "Type the key again to test it here.");
        }
        assertThat(elsewhere.requests()).isEmpty();
        assertThat(service.requests()).isEmpty();

        String own = answer(post(
                admin, API_KEY_TEST, onPremiseForm(ciphertext, service.url().toString(), "onprem")));

        assertThat(own).contains("class=\"ok\"", "accepted the key");
        assertThat(service.requests())
                .singleElement()
                .satisfies(request ->
                        assertThat(request.text()).isEqualTo("grant_type=password&username=&password=" + KEY));
    }

    @Test
    void aStoredClientSecretIsNotSentForOtherCredentials() throws Exception {
        ClientCredentialsImpl stored = TestKeys.xray("xray-qa");
        TestKeys.store(j.jenkins, stored);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("password", stored.getStoredPassword().getEncryptedValue());
        form.put("username", TestKeys.CLIENT_ID);
        form.put("service", "xray");
        form.put("id", "someone-elses");

        String html = post(admin, CLIENT_TEST, form).getWebResponse().getContentAsString();

        assertThat(html).contains("class=\"error\"", "Type the key again").doesNotContain(TestKeys.CLIENT_SECRET);
    }

    @Test
    void usersWhoCannotConfigureCredentialsAreRefusedAndNothingIsSent() throws Exception {
        JenkinsRule.WebClient reader = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        reader.login("reader");

        Page refused =
                post(reader, API_KEY_TEST, onPremiseForm(KEY, service.url().toString(), ""));
        Page clientRefused = post(reader, CLIENT_TEST, Map.of("password", "x", "username", "y", "service", "xray"));
        Page get = admin.goTo(
                API_KEY_TEST + "?secret=" + KEY + "&service=katalon-onprem&serverUrl="
                        + URLEncoder.encode(service.url().toString(), StandardCharsets.UTF_8),
                null);

        assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
        assertThat(clientRefused.getWebResponse().getStatusCode()).isEqualTo(403);
        assertThat(get.getWebResponse().getStatusCode())
                .as("@POST refuses a GET")
                .isEqualTo(404);
        assertThat(service.requests()).isEmpty();
    }

    @Test
    void theButtonOfTheUpdateDialogTestsTheStoredKeyWithItsOwnServer() throws Exception {
        storeOnPremise();
        HtmlPage page = admin.goTo("credentials/store/system/domain/_/credential/onprem/");
        HtmlElementUtil.click(page.querySelector("[data-type='credentials-update']"));
        admin.waitForBackgroundJavaScript(10_000);
        HtmlForm form = page.getFormByName("updateCredentials");
        HtmlButton button = form.getFirstByXPath(".//button[@data-validate-button-method='testKey']");
        assertThat(button.asNormalizedText()).isEqualTo("Test key");

        HtmlElementUtil.click(button);
        admin.waitForBackgroundJavaScript(10_000);

        assertThat(form.asNormalizedText()).contains(service.url() + "/oauth/token accepted the key.");
        assertThat(service.requests())
                .singleElement()
                .satisfies(request ->
                        assertThat(request.text()).isEqualTo("grant_type=password&username=&password=" + KEY));
        assertThat(page.getWebResponse().getContentAsString()).doesNotContain(KEY);
    }

    @Test
    void theClientCredentialsFormHasTheButton() throws Exception {
        TestKeys.store(j.jenkins, TestKeys.xray("xray-qa"));
        HtmlPage page = admin.goTo("credentials/store/system/domain/_/credential/xray-qa/");
        HtmlElementUtil.click(page.querySelector("[data-type='credentials-update']"));
        admin.waitForBackgroundJavaScript(10_000);

        HtmlButton button = page.getFormByName("updateCredentials")
                .getFirstByXPath(".//button[@data-validate-button-method='testKey']");

        assertThat(button.getAttribute("data-validate-button-with")).isEqualTo("password,username,service,id");
    }
}
