package io.jenkins.plugins.apikey.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A service on 127.0.0.1 for tests: records every request as it arrived (method, target, headers,
 * body bytes) and answers each one as told: with a status, headers and body, not until it is
 * closed (a slow service), or by dropping the connection.
 */
public final class FakeService implements AutoCloseable {

    /**
     * One request as the service received it.
     *
     * @param method the HTTP method
     * @param target the request target: path and query, or the absolute URI a proxy receives
     * @param headers every header, names in lower case, in a sorted map
     * @param body the body's bytes
     */
    public record Request(String method, String target, Map<String, List<String>> headers, byte[] body) {

        /** The body as UTF-8 text. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The only value of header {@code name}, or {@code null}. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : String.join(",", values);
        }
    }

    private enum Mode {
        ANSWER,
        HOLD,
        DROP
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.ANSWER;
    private volatile int status = 200;
    private volatile String body = "";
    private volatile Map<String, String> headers = Map.of();

    private FakeService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** A service that answers 200 with an empty body until told otherwise. */
    public static FakeService start() throws IOException {
        return new FakeService();
    }

    /** Answer with {@code status}, {@code body} and the header pairs {@code nameValues}. */
    public FakeService answer(int status, String body, String... nameValues) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            pairs.put(nameValues[i], nameValues[i + 1]);
        }
        this.status = status;
        this.body = body;
        this.headers = pairs;
        this.mode = Mode.ANSWER;
        return this;
    }

    /** Answer nothing until closed. */
    public FakeService hold() {
        mode = Mode.HOLD;
        return this;
    }

    /** Drop the connection without an answer. */
    public FakeService drop() {
        mode = Mode.DROP;
        return this;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every request received so far, in order. */
    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, List<String>> received = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> received.put(name.toLowerCase(), List.copyOf(values)));
        requests.add(new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().toString(),
                received,
                exchange.getRequestBody().readAllBytes()));
        if (mode == Mode.HOLD) {
            try {
                closed.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (mode != Mode.ANSWER) {
            throw new IOException("dropped by the test");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
