package io.jenkins.plugins.apikey.exchange;

import io.jenkins.plugins.apikey.EngineMessages;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Exchanges Xray Cloud client credentials for a token: {@code POST {base}/api/v1/authenticate}
 * with {@code {"client_id": ..., "client_secret": ...}}; the answer is the token as a JSON string.
 */
public final class XrayTokenClient {

    /** How long an exchange may take when none is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final Duration timeout;

    /** A client that connects directly, without a proxy. */
    public XrayTokenClient(Duration timeout) {
        this(HttpClient.newBuilder(), timeout);
    }

    /**
     * A client built from {@code builder}, such as one that goes through a proxy; redirects are
     * never followed, so the secret is sent only to the endpoint that was checked.
     */
    public XrayTokenClient(HttpClient.Builder builder, Duration timeout) {
        this.timeout = timeout;
        this.http = builder.connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * The token for {@code clientId} and {@code clientSecret} at {@code baseUrl}.
     *
     * @throws TokenExchangeException with a message that names the endpoint and the problem, never
     *     the secret, the token or the service's answer
     */
    public String exchange(URI baseUrl, String clientId, String clientSecret)
            throws TokenExchangeException, InterruptedException {
        TokenRequest request = TokenRequest.xray(baseUrl, clientId, clientSecret);
        URI endpoint = request.endpoint();
        HttpResponse<String> response;
        try {
            response =
                    http.send(request.httpRequest(timeout), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw new TokenExchangeException(
                    TokenExchangeException.Kind.UNREACHABLE, EngineMessages.exchangeUnreachable(endpoint));
        } catch (HttpTimeoutException e) {
            throw new TokenExchangeException(
                    TokenExchangeException.Kind.TIMEOUT, EngineMessages.exchangeTimeout(endpoint, timeout));
        } catch (IOException e) {
            throw new TokenExchangeException(
                    TokenExchangeException.Kind.UNREACHABLE, EngineMessages.exchangeUnreachable(endpoint));
        }
        return token(endpoint, response);
    }

    private static String token(URI endpoint, HttpResponse<String> response) throws TokenExchangeException {
        int status = response.statusCode();
        if (status == 200) {
            try {
                String token = JsonStrings.unquote(response.body());
                if (!token.isBlank()) {
                    return token;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            throw new TokenExchangeException(
                    TokenExchangeException.Kind.BAD_RESPONSE, EngineMessages.exchangeBadResponse(endpoint));
        }
        if (status == 400) {
            throw new TokenExchangeException(
                    TokenExchangeException.Kind.BAD_REQUEST, EngineMessages.exchangeBadRequest(endpoint));
        }
        if (status == 401 || status == 403) {
            throw new TokenExchangeException(
                    TokenExchangeException.Kind.UNAUTHORIZED, EngineMessages.exchangeUnauthorized(endpoint, status));
        }
        if (status == 429) {
            String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            throw new TokenExchangeException(
                    TokenExchangeException.Kind.RATE_LIMITED, EngineMessages.exchangeRateLimited(endpoint, retryAfter));
        }
        if (status >= 500) {
            throw new TokenExchangeException(
                    TokenExchangeException.Kind.SERVER_ERROR, EngineMessages.exchangeServerError(endpoint, status));
        }
        throw new TokenExchangeException(
                TokenExchangeException.Kind.BAD_RESPONSE, EngineMessages.exchangeUnexpectedStatus(endpoint, status));
    }
}
