import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradevault.app.cli.Cli;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.jdbc.JdbcLedgers;
import com.tradevault.app.trading.Decision;
import com.tradevault.app.trading.EquitySnapshot;
import com.tradevault.app.trading.Money;
import com.tradevault.app.trading.Price;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.config.ConfigLoader;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dashboard's cost and speed on a ledger holding a year of decisions:
 *  1. the commit latency of a writer doing the bot's scan transaction (a decision and the last price,
 *     through the app's own Ledger code) without and with a dashboard process whose page refreshes
 *     every second, alternating windows;
 *  2. the page's weight (HTML, assets, the overview JSON);
 *  3. the time from navigation to the first chart drawn, in headless Chromium (DevTools protocol).
 * Usage: java -cp ... DashboardBench.java WORK [decisionsPerHour] [windowSeconds] [rounds]
 */
public class DashboardBench {

    static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int perHour = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int window = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Map<String, String> env = new HashMap<>();
        env.put("TRADEVAULT_DATA_DIR", work.resolve("data").toString());
        env.put("TRADEVAULT_DB_KEY", "2dd29ca851e7b56e4697b0e1f08507293d761a05ce4d1b628663f411a8086d99");
        env.put("HOME", work.toString());
        OpeningDatabases opening = new OpeningDatabases(DbSettings.from(new ConfigLoader(env,
                ConfigLoader.DATABASE_OVERRIDES).load(java.util.Optional.empty())), new KeyResolver(env));
        if (!Files.exists(work.resolve("data/tradevault.db"))) {
            if (new Cli(env, Clock.systemUTC()).execute("setup-db") != 0) {
                throw new IllegalStateException("setup-db failed");
            }
            try (Database db = opening.openExisting()) {
                fill(JdbcLedgers.on(db), perHour);
            }
        }
        System.out.printf(Locale.ROOT, "ledger: %s, %.0f MB%n", work.resolve("data/tradevault.db"),
                Files.size(work.resolve("data/tradevault.db")) / 1e6);
        try (Database db = opening.openExisting()) {
            commitLatency(JdbcLedgers.on(db), env, window, rounds);
        }
    }

    /** A year of decisions at {@code perHour}, and a year of equity snapshots as the bot thins them. */
    static void fill(Ledger ledger, int perHour) {
        Instant end = Instant.now();
        Instant start = end.minus(Duration.ofDays(365));
        long total = 365L * 24 * perHour;
        Duration step = Duration.ofHours(1).dividedBy(perHour);
        long t0 = System.nanoTime();
        for (long done = 0; done < total; ) {
            long from = done;
            long n = Math.min(20_000, total - done);
            ledger.transaction(s -> {
                for (long i = from; i < from + n; i++) {
                    Instant at = start.plus(step.multipliedBy(i));
                    s.insertDecision(Decision.of("BTCUSDT", at, Decision.Kind.HOLD, Map.of("price", "30000.12",
                            "high", "30100.5", "lookback", 10, "breakout", false)));
                }
                return null;
            });
            done += n;
        }
        ledger.transaction(s -> {
            for (Instant at = start; at.isBefore(end); at = at.plus(at.isBefore(end.minus(Duration.ofDays(30)))
                    ? Duration.ofHours(1) : at.isBefore(end.minus(Duration.ofDays(1))) ? Duration.ofMinutes(15)
                    : Duration.ofMinutes(1))) {
                long minutes = Duration.between(start, at).toMinutes();
                s.insertEquitySnapshot(new EquitySnapshot(0, at, Money.of(String.valueOf(minutes / 100)),
                        Money.of(String.valueOf((minutes % 997) / 10)), 1));
            }
            return null;
        });
        System.out.printf(Locale.ROOT, "filled %d decisions (%d per hour for 365 days) in %.0f s%n", total, perHour,
                (System.nanoTime() - t0) / 1e9);
    }

    static void commitLatency(Ledger ledger, Map<String, String> env, int window, int rounds) throws Exception {
        List<Double> p99Without = new ArrayList<>();
        List<Double> p99With = new ArrayList<>();
        List<Double> p50Without = new ArrayList<>();
        List<Double> p50With = new ArrayList<>();
        Process dashboard = startDashboard(env);
        String url = new BufferedReader(new InputStreamReader(dashboard.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        try {
            pageWeight(url);
            firstChart(url);
            for (int r = 0; r < rounds; r++) {
                List<Double> idle = write(ledger, window, null);
                List<Double> busy = write(ledger, window, url);
                p50Without.add(pct(idle, 50));
                p99Without.add(pct(idle, 99));
                p50With.add(pct(busy, 50));
                p99With.add(pct(busy, 99));
                System.out.printf(Locale.ROOT, "round %d: without %d commits p50 %.2f ms p99 %.2f ms | with dashboard"
                        + " %d commits p50 %.2f ms p99 %.2f ms | p99 ratio %.2fx%n", r + 1, idle.size(), pct(idle, 50),
                        pct(idle, 99), busy.size(), pct(busy, 50), pct(busy, 99), pct(busy, 99) / pct(idle, 99));
            }
        } finally {
            dashboard.destroy();
        }
        System.out.printf(Locale.ROOT, "p99 without: median %.2f ms (%.2f-%.2f); with: median %.2f ms (%.2f-%.2f);"
                + " ratio of medians %.2fx%n", median(p99Without), Collections.min(p99Without),
                Collections.max(p99Without), median(p99With), Collections.min(p99With), Collections.max(p99With),
                median(p99With) / median(p99Without));
        System.out.printf(Locale.ROOT, "p50 without: median %.2f ms; with: median %.2f ms%n", median(p50Without),
                median(p50With));
    }

    /** The bot's scan transaction, every 20 ms, for {@code seconds}; the page's refresh every second when url is set. */
    static List<Double> write(Ledger ledger, int seconds, String url) throws Exception {
        List<Double> latencies = new ArrayList<>();
        Thread poller = url == null ? null : new Thread(() -> poll(url, seconds));
        if (poller != null) {
            poller.setDaemon(true);
            poller.start();
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            long t = System.nanoTime();
            ledger.transaction(s -> {
                Instant now = Instant.now();
                s.insertDecision(Decision.of("BTCUSDT", now, Decision.Kind.HOLD, Map.of("price", "30000.12")));
                s.setLastPrice("BTCUSDT", Price.of("30000.12"), now);
                return null;
            });
            latencies.add((System.nanoTime() - t) / 1e6);
            Thread.sleep(20);
        }
        if (poller != null) {
            poller.join();
        }
        return latencies;
    }

    static void poll(String url, int seconds) {
        HttpClient http = HttpClient.newHttpClient();
        String base = url.substring(0, url.indexOf('?'));
        String token = url.substring(url.indexOf("?token=") + 7);
        try {
            for (int i = 0; i < seconds; i++) {
                long t = System.nanoTime();
                http.send(HttpRequest.newBuilder(URI.create(base + "api/overview"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                Thread.sleep(Math.max(0, 1000 - (System.nanoTime() - t) / 1_000_000));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void pageWeight(String url) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = url.substring(0, url.indexOf('?'));
        String token = url.substring(url.indexOf("?token=") + 7);
        long total = 0;
        StringBuilder parts = new StringBuilder();
        for (String path : List.of("", "assets/uPlot.min.css", "assets/dashboard.css", "assets/uPlot.iife.min.js",
                "assets/dashboard.js", "api/overview", "api/orders")) {
            long t = System.nanoTime();
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
            total += r.body().length;
            parts.append(String.format(Locale.ROOT, "  /%s: %d bytes, %.0f ms%n", path, r.body().length,
                    (System.nanoTime() - t) / 1e6));
        }
        System.out.printf(Locale.ROOT, "page weight: %d bytes (%.0f kB), uncompressed%n%s", total, total / 1e3, parts);
    }

    /** Headless Chromium over the DevTools protocol: navigate, then read when the first chart was drawn. */
    static void firstChart(String url) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Process chrome = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--remote-debugging-port=9229", "--user-data-dir=" + Files.createTempDirectory("bench-chrome"),
                    "about:blank").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                times.add(firstChartOnce(url));
            } finally {
                chrome.destroy();
                chrome.waitFor();
            }
        }
        Collections.sort(times);
        System.out.printf(Locale.ROOT, "time to first chart (navigation start to the equity chart drawn, %d loads):"
                + " median %.0f ms, range %.0f-%.0f ms%n", times.size(), median(times), times.get(0),
                times.get(times.size() - 1));
    }

    static double firstChartOnce(String url) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = null;
        for (int i = 0; i < 100 && targets == null; i++) {
            try {
                targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:9229/json"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body());
            } catch (java.io.IOException e) {
                Thread.sleep(100);
            }
        }
        String ws = null;
        for (JsonNode t : targets) {
            if (t.get("type").asText().equals("page")) {
                ws = t.get("webSocketDebuggerUrl").asText();
            }
        }
        Cdp cdp = new Cdp();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(ws), cdp).join();
        cdp.call(socket, "Page.navigate", Map.of("url", url));
        long end = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < end) {
            JsonNode r = cdp.call(socket, "Runtime.evaluate", Map.of("expression",
                    "document.documentElement.dataset.firstChartMs || ''"));
            String v = r.at("/result/result/value").asText();
            if (!v.isEmpty()) {
                socket.abort();
                return Double.parseDouble(v);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no chart within 30 s");
    }

    /** A minimal DevTools protocol client: one call at a time. */
    static final class Cdp implements WebSocket.Listener {
        private final AtomicInteger ids = new AtomicInteger();
        private final StringBuilder text = new StringBuilder();
        private volatile CompletableFuture<JsonNode> pending;
        private volatile int pendingId;

        JsonNode call(WebSocket socket, String method, Map<String, Object> params) throws Exception {
            int id = ids.incrementAndGet();
            pending = new CompletableFuture<>();
            pendingId = id;
            socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true).join();
            return pending.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode m = JSON.readTree(text.toString());
                    if (m.has("id") && m.get("id").asInt() == pendingId) {
                        pending.complete(m);
                    }
                } catch (Exception e) {
                    pending.completeExceptionally(e);
                }
                text.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }

    static Process startDashboard(Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.tradevault.app.cli.Main", "dashboard", "--listen",
                "127.0.0.1:0");
        pb.environment().putAll(env);
        pb.environment().remove("INVOCATION_ID");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static double median(List<Double> values) {
        return pct(values, 50);
    }
}
