package io.jenkins.plugins.apikey.verify;

import io.jenkins.plugins.apikey.exchange.TokenRequest;
import io.jenkins.plugins.apikey.preset.KeyMaterial;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks services whether keys work: exactly one request per key, no retries, no redirects
 * followed, everything within the time-out. The token a service answers with is read only to see
 * that it is there, and dropped. Thread-safe: one verifier can serve many verifications.
 */
public final class KeyVerifier {

    /** How long a verification may take when the caller has no reason to choose otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** Longer answers are not token answers, and are not read to the end. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final HttpClient http;
    private final Duration timeout;

    /**
     * A verifier whose client is built from {@code builder}, such as one that goes through a
     * proxy; its connect time-out and redirect policy are set here.
     */
    public KeyVerifier(HttpClient.Builder builder, Duration timeout) {
        this.timeout = timeout;
        this.http = builder.connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Verifies a key with its preset's verifier at {@code baseUrl}, or at the preset's own server
     * when that is {@code null}; without a verifier nothing is sent and the answer says so.
     *
     * @param material a key that passes its preset's checks
     */
    public Verification verify(ServicePreset preset, KeyMaterial material, URI baseUrl) throws InterruptedException {
        Optional<TokenRequest> request = preset.verificationRequest(material, baseUrl);
        return request.isPresent() ? send(request.get()) : Verification.noVerifier(preset.keyName());
    }

    /**
     * Sends {@code request} once and tells what the answer, or its absence, means for the key.
     * Callers that did not choose the endpoint themselves check {@link TokenRequest#isUnder} first.
     */
    public Verification send(TokenRequest request) throws InterruptedException {
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<Optional<byte[]>>> answer =
                http.sendAsync(request.httpRequest(timeout), info -> new BoundedBody(MAX_ANSWER_BYTES));
        try {
            HttpResponse<Optional<byte[]>> response = answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return Answers.answered(request, response, since(start));
        } catch (TimeoutException e) {
            answer.cancel(true);
            return Answers.timedOut(request, since(start), timeout);
        } catch (ExecutionException e) {
            return Answers.failed(request, cause(e), since(start), timeout);
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        }
    }

    private static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
