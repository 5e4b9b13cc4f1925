package com.tradevault.app.dashboard;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradevault.core.testing.TestLedgers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real processes for the dashboard tests: a bot trading on the in-process
 * paper exchange, the dashboard beside it, {@code status --json}, and
 * headless Chromium opening the page.
 */
final class DashboardRig implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;
    private final Path config;
    private final Map<String, String> env;
    private final List<Process> processes = new ArrayList<>();
    Process bot;
    Process dashboard;
    String url;

    DashboardRig(Path dir, String... extraEnv) throws Exception {
        this.dir = dir;
        this.config = dir.resolve("tradevault.conf");
        Files.writeString(config, "bot.scan-interval = 100ms\nbot.equity-interval = 1s\n"
                + "strategy { lookback = 3, trail = \"5\" }\npaper.feed.tick-interval = 20ms\ndashboard.refresh = 1s\n");
        List<String> e = new ArrayList<>(List.of("TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX, "TRADEVAULT_CONFIG",
                config.toString()));
        e.addAll(List.of(extraEnv));
        this.env = TestLedgers.env(dir, e.toArray(String[]::new));
    }

    /** Adds {@code lines} to the configuration, before the bot starts. */
    void configure(String lines) throws Exception {
        Files.writeString(config, lines, java.nio.file.StandardOpenOption.APPEND);
    }

    /** setup-db, then a bot that runs until it has placed its first stop. */
    void startBot() throws Exception {
        Path log = dir.resolve("bot.log");
        Process setup = start(log, "setup-db");
        assertTrue(setup.waitFor(90, TimeUnit.SECONDS) && setup.exitValue() == 0, Files.readString(log));
        bot = start(log, "run");
        awaitLine(log, "placed STOP SELL", Duration.ofSeconds(90));
    }

    /** Starts the dashboard on a free loopback port; its first line is the address with the token. */
    void startDashboard(String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of("dashboard", "--listen", "127.0.0.1:0"));
        a.addAll(List.of(args));
        ProcessBuilder pb = builder(a.toArray(String[]::new));
        pb.redirectError(dir.resolve("dashboard.err").toFile());
        dashboard = pb.start();
        processes.add(dashboard);
        BufferedReader out = new BufferedReader(new InputStreamReader(dashboard.getInputStream(),
                StandardCharsets.UTF_8));
        url = out.readLine();
        assertTrue(url != null && url.startsWith("http://127.0.0.1:"), "first line: " + url + "\n"
                + Files.readString(dir.resolve("dashboard.err")));
    }

    String base() {
        return url.substring(0, url.indexOf('?'));
    }

    String token() {
        return url.substring(url.indexOf("?token=") + 7);
    }

    /** The first line of a second dashboard started as systemd starts services (INVOCATION_ID set); then stops it. */
    String firstLineUnderSystemd() throws Exception {
        ProcessBuilder pb = builder("dashboard", "--listen", "127.0.0.1:0");
        pb.environment().put("INVOCATION_ID", "0123456789abcdef0123456789abcdef");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        processes.add(p);
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        p.destroy();
        return line;
    }

    /** {@code tradevault CMD...} to completion; its standard output. */
    String run(String... args) throws Exception {
        ProcessBuilder pb = builder(args);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", args) + ": " + out);
        return out;
    }

    JsonNode status() throws Exception {
        return JSON.readTree(run("status", "--json"));
    }

    static HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode api(String path) throws Exception {
        HttpResponse<String> r = get(base() + path, "Authorization", "Bearer " + token());
        assertTrue(r.statusCode() == 200, path + ": " + r.statusCode() + " " + r.body());
        return JSON.readTree(r.body());
    }

    /** Chromium, headless: the page's DOM after its scripts ran, and a screenshot of it. */
    static String chromium(String address, Path screenshot) throws Exception {
        Files.createDirectories(screenshot.getParent());
        List<String> common = List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--window-size=1400,1700", "--virtual-time-budget=6000");
        runChromium(common, "--screenshot=" + screenshot.toAbsolutePath(), address);
        return runChromium(common, "--dump-dom", address);
    }

    private static String runChromium(List<String> common, String what, String address) throws Exception {
        List<String> command = new ArrayList<>(common);
        command.add(what);
        command.add(address);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        return out;
    }

    private ProcessBuilder builder(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.log.com.tradevault=info", "-cp", System.getProperty("java.class.path"),
                "com.tradevault.app.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("INVOCATION_ID");
        pb.environment().remove("JOURNAL_STREAM");
        pb.environment().putAll(env);
        return pb;
    }

    private Process start(Path log, String... args) throws Exception {
        ProcessBuilder pb = builder(args);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private void awaitLine(Path log, String needle, Duration limit) throws Exception {
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            if (Files.exists(log) && Files.readString(log).contains(needle)) {
                return;
            }
            assertTrue(bot.isAlive(), "the bot died: " + Files.readString(log));
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + needle + "' within " + limit + ":\n" + Files.readString(log));
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
    }
}
