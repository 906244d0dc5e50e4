package io.jenkins.plugins.apikey.exchange;

import io.jenkins.plugins.apikey.EngineMessages;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One token request, ready to send: where it goes, what it sends, and how to read the answer.
 * Katalon TestOps (cloud and on-premise) takes an API key through the OAuth password grant that
 * Katalon's own tools use; Xray Cloud takes a client id and secret as JSON. The request carries a
 * secret, so {@link #toString()} shows its endpoint only.
 */
public final class TokenRequest {

    /** HTTP Basic for OAuth client {@code kit} with secret {@code kit}, as Katalon's own tools send. */
    static final String KATALON_CLIENT =
            "Basic " + Base64.getEncoder().encodeToString("kit:kit".getBytes(StandardCharsets.US_ASCII));

    /** Who is asking, for the service's logs. */
    static final String USER_AGENT = "api-key-credentials";

    /** What an error code looks like ({@code invalid_grant}); anything else is not shown. */
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    /** How a token answer looks. */
    private enum Answer {
        /** An OAuth token response: a JSON object with an {@code access_token}. */
        OAUTH,
        /** The token alone, as a JSON string. */
        JSON_STRING
    }

    private final String service;
    private final URI endpoint;
    private final String contentType;
    private final String authorization;
    private final String body;
    private final Answer answer;
    private final Set<Integer> refusals;
    private final String secret;

    private TokenRequest(
            String service,
            URI endpoint,
            String contentType,
            String authorization,
            String body,
            Answer answer,
            Set<Integer> refusals,
            String secret) {
        this.service = service;
        this.endpoint = endpoint;
        this.contentType = contentType;
        this.authorization = authorization;
        this.body = body;
        this.answer = answer;
        this.refusals = refusals;
        this.secret = secret;
    }

    /**
     * {@code POST {server}/oauth/token} with HTTP Basic {@code kit:kit} and the form
     * {@code grant_type=password&username=&password=<key>}; 400 and 401 refuse the key.
     */
    public static TokenRequest katalon(URI server, String key) {
        return new TokenRequest(
                "Katalon TestOps",
                resolve(server, "oauth/token"),
                "application/x-www-form-urlencoded",
                KATALON_CLIENT,
                "grant_type=password&username=&password=" + URLEncoder.encode(key, StandardCharsets.UTF_8),
                Answer.OAUTH,
                Set.of(400, 401),
                key);
    }

    /**
     * {@code POST {base}/api/v1/authenticate} with {@code {"client_id": ..., "client_secret": ...}};
     * 400, 401 and 403 refuse the client id and secret.
     */
    public static TokenRequest xray(URI baseUrl, String clientId, String clientSecret) {
        return new TokenRequest(
                "Xray Cloud",
                resolve(baseUrl, "api/v1/authenticate"),
                "application/json",
                null,
                "{\"client_id\":" + JsonStrings.quote(clientId) + ",\"client_secret\":"
                        + JsonStrings.quote(clientSecret) + "}",
                Answer.JSON_STRING,
                Set.of(400, 401, 403),
                clientSecret);
    }

    /** The service's name for messages, such as "Katalon TestOps". */
    public String service() {
        return service;
    }

    /** Where the request goes. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Whether the request goes to {@code baseUrl} or below it: same scheme, host and port, and a
     * path under the base URL's path. Callers check this before sending a key to a URL they did not
     * choose themselves.
     */
    public boolean isUnder(URI baseUrl) {
        if (baseUrl.getScheme() == null || baseUrl.getHost() == null || endpoint.getHost() == null) {
            return false;
        }
        URI base = resolve(baseUrl, "");
        return endpoint.getScheme().equalsIgnoreCase(base.getScheme())
                && endpoint.getHost().equalsIgnoreCase(base.getHost())
                && port(endpoint) == port(base)
                && endpoint.getRawUserInfo() == null
                && endpoint.getRawPath().startsWith(base.getRawPath());
    }

    /**
     * The HTTP request, which fails if no answer comes within {@code timeout}: HTTP/1.1, since one
     * short request gains nothing from an upgrade to HTTP/2.
     */
    public HttpRequest httpRequest(Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(timeout)
                .header("User-Agent", USER_AGENT)
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    /** Whether an answer with {@code status} means that the service refuses the credentials. */
    public boolean refuses(int status) {
        return refusals.contains(status);
    }

    /** Whether {@code answer}, the body of a 200 answer, holds a token. */
    public boolean isToken(String answer) {
        Optional<String> token =
                this.answer == Answer.OAUTH ? JsonMembers.string(answer, "access_token") : unquoted(answer);
        return token.filter(value -> !value.isBlank()).isPresent();
    }

    /**
     * The service's own error code in {@code answer}, such as {@code invalid_grant}: the
     * {@code error} member of a JSON object, if it looks like a code and does not contain the secret.
     */
    public Optional<String> errorCode(String answer) {
        return JsonMembers.string(answer, "error")
                .filter(code -> ERROR_CODE.matcher(code).matches())
                .filter(code -> !code.contains(secret) && !secret.contains(code));
    }

    @Override
    public String toString() {
        return "TokenRequest[POST " + endpoint + "]";
    }

    private static Optional<String> unquoted(String answer) {
        try {
            return Optional.of(JsonStrings.unquote(answer));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code path} below {@code base}'s path; the base URL's query and fragment are dropped. */
    static URI resolve(URI base, String path) {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || base.getRawAuthority() == null) {
            throw new IllegalArgumentException(EngineMessages.serverUrlInvalid());
        }
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        return URI.create(
                scheme + "://" + base.getRawAuthority() + (basePath.endsWith("/") ? basePath : basePath + "/") + path);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }
}
