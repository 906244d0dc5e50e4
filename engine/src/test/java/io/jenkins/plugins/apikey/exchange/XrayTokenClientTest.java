package io.jenkins.plugins.apikey.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class XrayTokenClientTest {

    private static final String CLIENT_ID = "0123456789ABCDEF0123456789ABCDEF";
    private static final String SECRET = "5e8f0a7c9b1d3e2f4a6c8b0d1e3f5a7c9b2d4e6f8a0c1b3d5e7f9a2c4b6d8e0f";
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJ0ZW5hbnQiOiJxYSJ9.c2lnbmF0dXJl";

    private HttpServer server;
    private final AtomicReference<String> received = new AtomicReference<>();

    /** Serves {@code /api/v1/authenticate} with the given status, body and delay. */
    private URI serve(int status, String body, long delayMillis, String retryAfter) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/authenticate", exchange -> {
            received.set(exchange.getRequestMethod() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static String exchange(URI base, Duration timeout) throws Exception {
        return new XrayTokenClient(timeout).exchange(base, CLIENT_ID, SECRET);
    }

    private static TokenExchangeException failure(URI base, Duration timeout) {
        try {
            exchange(base, timeout);
        } catch (TokenExchangeException e) {
            assertThat(e.getMessage()).doesNotContain(SECRET, TOKEN);
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no failure");
    }

    @Test
    void postsTheClientCredentialsAsJsonAndReturnsTheToken() throws Exception {
        URI base = serve(200, "\"" + TOKEN + "\"", 0, null);

        assertThat(exchange(base, Duration.ofSeconds(5))).isEqualTo(TOKEN);
        assertThat(received.get())
                .isEqualTo("POST application/json {\"client_id\":\"" + CLIENT_ID + "\",\"client_secret\":\"" + SECRET
                        + "\"}");
    }

    @Test
    void baseUrlWithOrWithoutTrailingSlash() {
        assertThat(TokenRequest.xray(URI.create("https://eu.xray.cloud.getxray.app/"), CLIENT_ID, SECRET)
                        .endpoint())
                .isEqualTo(URI.create("https://eu.xray.cloud.getxray.app/api/v1/authenticate"));
        assertThat(TokenRequest.xray(XrayRegion.GLOBAL.baseUrl(), CLIENT_ID, SECRET)
                        .endpoint())
                .isEqualTo(URI.create("https://xray.cloud.getxray.app/api/v1/authenticate"));
        assertThat(XrayRegion.byName("eu")).contains(XrayRegion.EU);
        assertThat(XrayRegion.byName("mars")).isEmpty();
    }

    @Test
    void badRequest() throws Exception {
        TokenExchangeException e = failure(serve(400, "{\"error\":\"bad\"}", 0, null), Duration.ofSeconds(5));

        assertThat(e.kind()).isEqualTo(TokenExchangeException.Kind.BAD_REQUEST);
        assertThat(e.getMessage()).contains("HTTP 400", "/api/v1/authenticate");
    }

    @Test
    void wrongCredentials() throws Exception {
        TokenExchangeException e =
                failure(serve(401, "{\"error\":\"" + SECRET + "\"}", 0, null), Duration.ofSeconds(5));

        assertThat(e.kind()).isEqualTo(TokenExchangeException.Kind.UNAUTHORIZED);
        assertThat(e.getMessage()).contains("HTTP 401", "Settings > API Keys");
    }

    @Test
    void rateLimitedWithRetryAfter() throws Exception {
        TokenExchangeException e = failure(serve(429, "", 0, "30"), Duration.ofSeconds(5));

        assertThat(e.kind()).isEqualTo(TokenExchangeException.Kind.RATE_LIMITED);
        assertThat(e.getMessage()).contains("HTTP 429", "retry after 30 seconds");
    }

    @Test
    void serverError() throws Exception {
        TokenExchangeException e = failure(serve(503, "down", 0, null), Duration.ofSeconds(5));

        assertThat(e.kind()).isEqualTo(TokenExchangeException.Kind.SERVER_ERROR);
        assertThat(e.getMessage()).contains("HTTP 503", "try again later");
    }

    @Test
    void answerThatIsNotAToken() throws Exception {
        assertThat(failure(serve(200, "<html>login</html>", 0, null), Duration.ofSeconds(5))
                        .kind())
                .isEqualTo(TokenExchangeException.Kind.BAD_RESPONSE);
        stop();
        assertThat(failure(serve(200, "\"\"", 0, null), Duration.ofSeconds(5)).kind())
                .isEqualTo(TokenExchangeException.Kind.BAD_RESPONSE);
        stop();
        assertThat(failure(serve(302, "", 0, null), Duration.ofSeconds(5)).kind())
                .isEqualTo(TokenExchangeException.Kind.BAD_RESPONSE);
    }

    @Test
    void timeout() throws Exception {
        TokenExchangeException e = failure(serve(200, "\"" + TOKEN + "\"", 3000, null), Duration.ofMillis(300));

        assertThat(e.kind()).isEqualTo(TokenExchangeException.Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("did not answer within 0 seconds");
    }

    @Test
    void unreachableHost() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        TokenExchangeException e = failure(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(5));

        assertThat(e.kind()).isEqualTo(TokenExchangeException.Kind.UNREACHABLE);
        assertThat(e.getMessage())
                .startsWith("Could not reach http://127.0.0.1:" + closedPort + "/api/v1/authenticate");
    }

    @Test
    void unknownHost() {
        assertThat(failure(URI.create("https://no-such-host.invalid"), Duration.ofSeconds(5))
                        .kind())
                .isEqualTo(TokenExchangeException.Kind.UNREACHABLE);
    }
}
