package com.tradevault.app.exchange.binance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.tradevault.app.exchange.ApiCredentials;
import com.tradevault.app.exchange.ExchangeSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stub venue on a free loopback port (JDK HttpServer) that answers each
 * {@code METHOD path} with scripted answers: the JSON bodies are Binance's
 * documented answers (test resources under {@code binance/}), never our paper
 * server's output. It records what the adapter sent, and the adapter's pauses.
 */
public final class DocumentedVenue implements AutoCloseable {

    static final ApiCredentials ACCOUNT = new ApiCredentials("stub-api-key", "stub-api-secret", "test");
    static final String SERVER_TIME = "{\"serverTime\":1499827319559}";

    /** One scripted answer. */
    public record Answer(int status, String body, Map<String, String> headers) {
        public Answer header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Answer(status, body, h);
        }
    }

    /** One request the adapter sent. */
    record Sent(String method, String path, Map<String, String> params) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Answer> always = new ConcurrentHashMap<>();
    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final List<Duration> pauses = new CopyOnWriteArrayList<>();

    public DocumentedVenue() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        answerAlways("GET /api/v3/time", ok(SERVER_TIME));
    }

    public static Answer ok(String body) {
        return new Answer(200, body, Map.of());
    }

    public static Answer status(int status, String body) {
        return new Answer(status, body, Map.of());
    }

    public static Answer error(int status, int code, String msg) {
        return new Answer(status, "{\"code\":" + code + ",\"msg\":\"" + msg + "\"}", Map.of());
    }

    /** A documented answer kept under test resources {@code binance/name}. */
    public static String resource(String name) {
        try (InputStream in = DocumentedVenue.class.getResourceAsStream("/binance/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource binance/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers the next request to {@code route} ("POST /api/v3/order") with these, in order. */
    public DocumentedVenue answer(String route, Answer... answers) {
        scripts.computeIfAbsent(route, r -> new ArrayDeque<>()).addAll(List.of(answers));
        return this;
    }

    /** Answers every request to {@code route} with this, once its scripted answers are used up. */
    DocumentedVenue answerAlways(String route, Answer answer) {
        always.put(route, answer);
        return this;
    }

    List<Sent> sentTo(String route) {
        return sent.stream().filter(s -> (s.method() + " " + s.path()).equals(route)).toList();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    BinanceExchange adapter() {
        return adapter(Clock.systemUTC());
    }

    BinanceExchange adapter(Clock clock) {
        ExchangeSettings settings = new ExchangeSettings(Optional.of(url()), Optional.empty(), Duration.ofSeconds(5),
                Duration.ofSeconds(5), 3, Duration.ofMillis(10));
        return new BinanceExchange(url(), Optional.of(ACCOUNT), settings, clock, pauses::add);
    }

    private void handle(HttpExchange ex) throws IOException {
        String route = ex.getRequestMethod() + " " + ex.getRequestURI().getPath();
        sent.add(new Sent(ex.getRequestMethod(), ex.getRequestURI().getPath(), params(ex.getRequestURI().getRawQuery())));
        Deque<Answer> queue = scripts.get(route);
        Answer a = queue != null && !queue.isEmpty() ? queue.poll() : always.getOrDefault(route,
                error(404, -1000, "no answer scripted for " + route));
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
        ex.sendResponseHeaders(a.status(), body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    private static Map<String, String> params(String rawQuery) {
        Map<String, String> p = new LinkedHashMap<>();
        if (rawQuery == null) {
            return p;
        }
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            p.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return p;
    }

    public List<String> routes() {
        List<String> r = new ArrayList<>();
        sent.forEach(s -> r.add(s.method() + " " + s.path()));
        return r;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
