package io.jenkins.plugins.apikey.verify;

import io.jenkins.plugins.apikey.EngineMessages;
import io.jenkins.plugins.apikey.exchange.TokenRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Turns what became of a token request into a {@link Verification}: the service's answer, whose
 * token is looked at and dropped at once, or the network failure.
 */
final class Answers {

    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,6}");

    private Answers() {}

    /** The verification for an answer with {@code status} and {@code body} (empty: too long). */
    static Verification answered(TokenRequest request, HttpResponse<Optional<byte[]>> response, Duration elapsed) {
        int status = response.statusCode();
        URI endpoint = request.endpoint();
        String body = response.body().map(Answers::text).orElse("");
        if (status == 200 && request.isToken(body)) {
            return new Verification(
                    Outcome.VALID, endpoint, status, null, elapsed, EngineMessages.verifyValid(endpoint));
        }
        if (request.refuses(status)) {
            String code = request.errorCode(body).orElse(null);
            return new Verification(
                    Outcome.REJECTED,
                    endpoint,
                    status,
                    code,
                    elapsed,
                    EngineMessages.verifyRejected(endpoint, status, code, request.service()));
        }
        if (status == 429) {
            String retryAfter = response.headers()
                    .firstValue("Retry-After")
                    .filter(value -> SECONDS.matcher(value).matches())
                    .orElse(null);
            return new Verification(
                    Outcome.RATE_LIMITED,
                    endpoint,
                    status,
                    null,
                    elapsed,
                    EngineMessages.verifyRateLimited(endpoint, retryAfter));
        }
        if (status >= 500 && status <= 599) {
            return new Verification(
                    Outcome.SERVER_ERROR,
                    endpoint,
                    status,
                    null,
                    elapsed,
                    EngineMessages.verifyServerError(endpoint, status));
        }
        return new Verification(
                Outcome.UNEXPECTED_ANSWER,
                endpoint,
                status,
                null,
                elapsed,
                EngineMessages.verifyUnexpectedAnswer(endpoint, status, request.service()));
    }

    /** The verification when no answer came in time. */
    static Verification timedOut(TokenRequest request, Duration elapsed, Duration timeout) {
        return new Verification(
                Outcome.TIMEOUT,
                request.endpoint(),
                0,
                null,
                elapsed,
                EngineMessages.verifyTimeout(request.endpoint(), timeout));
    }

    /** The verification when the request failed with {@code failure}. */
    static Verification failed(TokenRequest request, Throwable failure, Duration elapsed, Duration timeout) {
        URI endpoint = request.endpoint();
        if (failure instanceof HttpConnectTimeoutException
                || failure instanceof ConnectException
                || failure instanceof SSLException) {
            return new Verification(
                    Outcome.UNREACHABLE, endpoint, 0, null, elapsed, EngineMessages.verifyUnreachable(endpoint));
        }
        if (failure instanceof HttpTimeoutException) {
            return timedOut(request, elapsed, timeout);
        }
        if (failure instanceof IOException) {
            return new Verification(
                    Outcome.NO_ANSWER,
                    endpoint,
                    0,
                    null,
                    elapsed,
                    EngineMessages.verifyNoAnswer(endpoint, request.service()));
        }
        throw new IllegalStateException("The request to " + endpoint + " failed unexpectedly.", failure);
    }

    /** The body as text; the bytes, which may hold a token, are overwritten. */
    private static String text(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Arrays.fill(bytes, (byte) 0);
        return text;
    }
}
