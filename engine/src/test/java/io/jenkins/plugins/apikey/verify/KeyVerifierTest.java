package io.jenkins.plugins.apikey.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.apikey.exchange.TokenRequest;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePresets;
import io.jenkins.plugins.apikey.testing.FakeService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each verifier against a service on 127.0.0.1 that records the request and answers as each test needs. */
class KeyVerifierTest {

    private static final String KEY = "3f2b8c1e-7d4a-4b9e-a1c2-5e6f7a8b1d07";
    private static final String CLIENT_ID = "0123456789ABCDEF0123456789ABCDEF";
    private static final String SECRET = "5e8f0a7c9b1d3e2f4a6c8b0d1e3f5a7c9b2d4e6f8a0c1b3d5e7f9a2c4b6d8e0f";
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";
    private static final String OAUTH_TOKEN = "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\","
            + "\"refresh_token\":\"" + TOKEN + "-refresh\",\"expires_in\":43199,\"scope\":\"openid\"}";
    /** Time-out for answers that come at once: generous, since it is never reached when the code is right. */
    private static final Duration PATIENT = Duration.ofSeconds(20);

    private FakeService service;

    @BeforeEach
    void startService() throws IOException {
        service = FakeService.start();
    }

    @AfterEach
    void stopService() {
        service.close();
    }

    private static KeyVerifier verifier(Duration timeout) {
        return new KeyVerifier(HttpClient.newBuilder(), timeout);
    }

    private Verification katalon(String key) throws InterruptedException {
        return verifier(PATIENT).verify(ServicePresets.KATALON, KeyMaterial.of(key), service.url());
    }

    private Verification katalon() throws InterruptedException {
        return katalon(KEY);
    }

    /** Nothing of the key, its derived forms or the token in anything a verification shows. */
    private static Verification safe(Verification verification, String secret) {
        String basic = Base64.getEncoder().encodeToString((":" + secret).getBytes(StandardCharsets.UTF_8));
        String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        assertThat(verification.toString() + verification.message())
                .doesNotContain(secret, form, basic, TOKEN, "access_token", "kit:kit");
        return verification;
    }

    private void assertOneRequest() {
        assertThat(service.requests()).hasSize(1);
    }

    @Test
    void katalonKeyIsSentOnceExactlyAsKatalonsOwnToolsSendItAndTheTokenIsDropped() throws Exception {
        service.answer(200, OAUTH_TOKEN, "Content-Type", "application/json");

        Verification verification = safe(katalon(), KEY);

        assertThat(verification.verdict()).isEqualTo(Verdict.VALID);
        assertThat(verification.outcome()).isEqualTo(Outcome.VALID);
        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.errorCode()).isNull();
        assertThat(verification.endpoint()).isEqualTo(URI.create(service.url() + "/oauth/token"));
        assertThat(verification.elapsed()).isPositive().isLessThan(PATIENT);
        assertThat(verification.message()).isEqualTo(service.url() + "/oauth/token accepted the key.");
        assertOneRequest();
        FakeService.Request request = service.requests().get(0);
        String form = "grant_type=password&username=&password=" + KEY;
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.target()).isEqualTo("/oauth/token");
        assertThat(request.headers())
                .isEqualTo(Map.of(
                        "accept", List.of("application/json"),
                        "authorization", List.of("Basic a2l0OmtpdA=="),
                        "content-length", List.of(String.valueOf(form.length())),
                        "content-type", List.of("application/x-www-form-urlencoded"),
                        "host", List.of("127.0.0.1:" + service.url().getPort()),
                        "user-agent", List.of("api-key-credentials")));
        assertThat(request.body()).isEqualTo(form.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void onPremiseKeyGoesBelowTheServerUrlsPathFormEncoded() throws Exception {
        String odd = "p@ss w0rd+/&=ü-0123456789";
        service.answer(200, OAUTH_TOKEN);

        Verification verification = safe(
                verifier(PATIENT)
                        .verify(
                                ServicePresets.KATALON_ON_PREMISE,
                                new KeyMaterial(odd, null, service.url() + "/testops"),
                                null),
                odd);

        assertThat(verification.verdict()).isEqualTo(Verdict.VALID);
        assertThat(verification.endpoint()).isEqualTo(URI.create(service.url() + "/testops/oauth/token"));
        assertThat(service.requests()).singleElement().satisfies(request -> {
            assertThat(request.target()).isEqualTo("/testops/oauth/token");
            assertThat(request.text())
                    .isEqualTo("grant_type=password&username=&password=p%40ss+w0rd%2B%2F%26%3D%C3%BC-0123456789");
        });
    }

    @Test
    void invalidGrantIsARejectionWithTheServicesOwnCode() throws Exception {
        service.answer(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Bad credentials\"}");

        Verification verification = safe(katalon(), KEY);

        assertThat(verification.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(verification.status()).isEqualTo(400);
        assertThat(verification.errorCode()).isEqualTo("invalid_grant");
        assertThat(verification.message())
                .isEqualTo(service.url() + "/oauth/token rejected the key (HTTP 400, invalid_grant): it is wrong,"
                        + " expired or revoked, or belongs to another server or region. Create a new API key in"
                        + " Katalon TestOps (Settings > API Keys) and use it instead.");
        assertOneRequest();
    }

    @Test
    void unauthorizedIsARejectionWithOrWithoutACode() throws Exception {
        service.answer(401, "{\"error\":\"unauthorized\",\"error_description\":\"Full authentication is required\"}");
        Verification withCode = safe(katalon(), KEY);
        service.answer(401, "");
        Verification withoutCode = safe(katalon(), KEY);

        assertThat(withCode.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(withCode.errorCode()).isEqualTo("unauthorized");
        assertThat(withCode.message()).contains("(HTTP 401, unauthorized)");
        assertThat(withoutCode.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(withoutCode.errorCode()).isNull();
        assertThat(withoutCode.message()).contains("(HTTP 401):");
    }

    @Test
    void anErrorThatIsNotACodeOrThatEchoesTheKeyIsNotShown() throws Exception {
        String key = "sk_live_0123456789abcdef";
        service.answer(400, "{\"error\":\"" + key + "\"}");
        Verification echo = safe(katalon(key), key);
        service.answer(400, "{\"error\":\"The key " + key + " is not valid\"}");
        Verification sentence = safe(katalon(key), key);

        assertThat(List.of(echo, sentence)).allSatisfy(verification -> {
            assertThat(verification.verdict()).isEqualTo(Verdict.REJECTED);
            assertThat(verification.errorCode()).isNull();
        });
    }

    @Test
    void answersThatAreNeitherATokenNorARefusalAreUnknown() throws Exception {
        List<List<Object>> answers = List.of(
                List.of(200, "<html><body>Sign in</body></html>"),
                List.of(200, "{\"token_type\":\"bearer\"}"),
                List.of(200, "{\"access_token\":\"\"}"),
                List.of(200, "{\"access_token\":\"" + TOKEN + "\""),
                List.of(200, "\"" + TOKEN + "\""),
                List.of(200, ""),
                List.of(403, "{\"error\":\"access_denied\"}"),
                List.of(404, "Not Found"));
        for (List<Object> answer : answers) {
            service.answer((Integer) answer.get(0), (String) answer.get(1));

            Verification verification = safe(katalon(), KEY);

            assertThat(verification.outcome()).as(answer.toString()).isEqualTo(Outcome.UNEXPECTED_ANSWER);
            assertThat(verification.verdict()).isEqualTo(Verdict.UNKNOWN);
            assertThat(verification.status()).isEqualTo(answer.get(0));
            assertThat(verification.message()).contains("without a token or a refusal", "Katalon TestOps");
        }
        assertThat(service.requests()).hasSize(answers.size());
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        service.answer(302, "", "Location", service.url() + "/login");

        Verification verification = safe(katalon(), KEY);

        assertThat(verification.outcome()).isEqualTo(Outcome.UNEXPECTED_ANSWER);
        assertThat(verification.status()).isEqualTo(302);
        assertThat(service.requests()).extracting(FakeService.Request::target).containsExactly("/oauth/token");
    }

    @Test
    void anAnswerTooLongForATokenIsNotReadToTheEnd() throws Exception {
        service.answer(200, "{\"access_token\":\"" + "x".repeat(KeyVerifier.MAX_ANSWER_BYTES) + "\"}");

        assertThat(safe(katalon(), KEY).outcome()).isEqualTo(Outcome.UNEXPECTED_ANSWER);
    }

    @Test
    void serverErrorsAndRateLimitsAreUnknownAndNotRetried() throws Exception {
        service.answer(500, "{\"error\":\"internal\"}");
        Verification failed = safe(katalon(), KEY);
        service.answer(503, "down for maintenance");
        Verification down = safe(katalon(), KEY);
        service.answer(429, "", "Retry-After", "30");
        Verification limited = safe(katalon(), KEY);
        service.answer(429, "", "Retry-After", "Wed, 21 Oct 2099 07:28:00 GMT");
        Verification limitedUntil = safe(katalon(), KEY);

        assertThat(failed.outcome()).isEqualTo(Outcome.SERVER_ERROR);
        assertThat(failed.message()).contains("failed (HTTP 500)", "try again later");
        assertThat(down.outcome()).isEqualTo(Outcome.SERVER_ERROR);
        assertThat(down.status()).isEqualTo(503);
        assertThat(limited.outcome()).isEqualTo(Outcome.RATE_LIMITED);
        assertThat(limited.message()).endsWith("(HTTP 429), so the key was not checked. Try again in 30 seconds.");
        assertThat(limitedUntil.message()).endsWith("Try again later.");
        assertThat(List.of(failed, down, limited, limitedUntil))
                .extracting(Verification::verdict)
                .containsOnly(Verdict.UNKNOWN);
        assertThat(service.requests()).hasSize(4);
    }

    @Test
    void aSlowServiceTimesOutAfterOneRequest() throws Exception {
        service.hold();
        Duration timeout = Duration.ofSeconds(1);

        Verification verification =
                safe(verifier(timeout).verify(ServicePresets.KATALON, KeyMaterial.of(KEY), service.url()), KEY);

        assertThat(verification.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(verification.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(verification.status()).isZero();
        assertThat(verification.elapsed()).isGreaterThanOrEqualTo(timeout).isLessThan(PATIENT);
        assertThat(verification.message()).contains("did not answer within 1 second, so the key was not checked");
        assertOneRequest();
    }

    @Test
    void aDroppedConnectionIsUnknownAndNotRetried() throws Exception {
        service.drop();

        Verification verification = safe(katalon(), KEY);

        assertThat(verification.outcome()).isEqualTo(Outcome.NO_ANSWER);
        assertThat(verification.message()).contains("closed the connection without answering");
        assertOneRequest();
    }

    @Test
    void anUnreachableServerIsUnknown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + closedPort);

        Verification verification =
                safe(verifier(PATIENT).verify(ServicePresets.KATALON, KeyMaterial.of(KEY), closed), KEY);

        assertThat(verification.outcome()).isEqualTo(Outcome.UNREACHABLE);
        assertThat(verification.message()).startsWith("Could not connect to " + closed + "/oauth/token");
    }

    @Test
    void xrayClientIdAndSecretAreSentAsTheTokenExchangeSendsThem() throws Exception {
        service.answer(200, "\"" + TOKEN + "\"");
        KeyMaterial material = new KeyMaterial(SECRET, CLIENT_ID, null);

        Verification verification =
                safe(verifier(PATIENT).verify(ServicePresets.XRAY_CLOUD, material, service.url()), SECRET);

        assertThat(verification.verdict()).isEqualTo(Verdict.VALID);
        FakeService.Request request = service.requests().get(0);
        String json = "{\"client_id\":\"" + CLIENT_ID + "\",\"client_secret\":\"" + SECRET + "\"}";
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.target()).isEqualTo("/api/v1/authenticate");
        assertThat(request.headers())
                .isEqualTo(Map.of(
                        "accept", List.of("application/json"),
                        "content-length", List.of(String.valueOf(json.length())),
                        "content-type", List.of("application/json"),
                        "host", List.of("127.0.0.1:" + service.url().getPort()),
                        "user-agent", List.of("api-key-credentials")));
        assertThat(request.body()).isEqualTo(json.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void xrayRefusalsAreRejections() throws Exception {
        KeyMaterial material = new KeyMaterial(SECRET, CLIENT_ID, null);
        for (int status : List.of(400, 401, 403)) {
            service.answer(status, "{\"error\":\"Authentication request has failed. Please check " + SECRET + "\"}");

            Verification verification =
                    safe(verifier(PATIENT).verify(ServicePresets.XRAY_CLOUD, material, service.url()), SECRET);

            assertThat(verification.verdict()).as("HTTP " + status).isEqualTo(Verdict.REJECTED);
            assertThat(verification.errorCode()).isNull();
            assertThat(verification.message()).contains("(HTTP " + status + ")", "Xray Cloud (Settings > API Keys)");
        }
    }

    @Test
    void kataloAndGenericKeysHaveNoVerifierAndNothingIsSent() throws Exception {
        String katalo = "kat_live_pk7Hs2Lq9.s3cr3tV4lu3Th4tIsL0ng3n0ugh";

        Verification kataloAnswer =
                safe(verifier(PATIENT).verify(ServicePresets.KATALO, KeyMaterial.of(katalo), service.url()), katalo);
        Verification genericAnswer =
                safe(verifier(PATIENT).verify(ServicePresets.GENERIC, KeyMaterial.of(KEY), service.url()), KEY);

        assertThat(kataloAnswer.outcome()).isEqualTo(Outcome.NO_VERIFIER);
        assertThat(kataloAnswer.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(kataloAnswer.endpoint()).isNull();
        assertThat(kataloAnswer.status()).isZero();
        assertThat(kataloAnswer.message())
                .isEqualTo("The Katalo organisation key was not checked and nothing was sent: there is no verifier"
                        + " for this kind of key. A build that uses the key shows whether it works.");
        assertThat(genericAnswer.outcome()).isEqualTo(Outcome.NO_VERIFIER);
        assertThat(genericAnswer.message()).startsWith("The API key was not checked and nothing was sent");
        assertThat(service.requests()).isEmpty();
    }

    @Test
    void theCallersBuilderIsUsedSoTheRequestGoesThroughItsProxy() throws Exception {
        service.answer(200, OAUTH_TOKEN);
        HttpClient.Builder throughProxy = HttpClient.newBuilder()
                .proxy(ProxySelector.of(new InetSocketAddress(
                        InetAddress.getLoopbackAddress(), service.url().getPort())));
        TokenRequest request = TokenRequest.katalon(URI.create("http://testops.example.invalid"), KEY);

        Verification verification = safe(new KeyVerifier(throughProxy, PATIENT).send(request), KEY);

        assertThat(verification.verdict()).isEqualTo(Verdict.VALID);
        assertThat(service.requests()).singleElement().satisfies(received -> {
            assertThat(received.target()).isEqualTo("http://testops.example.invalid/oauth/token");
            assertThat(received.header("host")).isEqualTo("testops.example.invalid");
        });
    }
}
