package com.tradevault.app.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradevault.app.alerts.AlertServers;
import com.tradevault.core.testing.PostgresServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard of a bot trading on the paper exchange, opened in headless
 * Chromium, on a ledger the bot is writing: SQLite (read-only connection)
 * and PostgreSQL. Screenshots land in target/.
 */
class DashboardIT {

    private static final Pattern ROW = Pattern.compile(
            "data-position-id=\"(\\d+)\" data-protected=\"(true|false)\" data-stop-state=\"([A-Z_]+)\"");
    private static final Pattern ALERT = Pattern.compile("data-alert-id=\"(\\d+)\" data-condition=\"disk-low\""
            + " data-severity=\"warning\" data-state=\"raised\" data-status=\"pending\" data-attempts=\"(\\d+)\"");
    private static final Pattern POINTS = Pattern.compile("id=\"equity-chart\"[^>]*data-points=\"(\\d+)\"");

    @TempDir
    Path dir;

    @Test
    void dashboardOfABotTradingOnSqliteDrawsItsEquityAndTheStopsStatusReports() throws Exception {
        try (DashboardRig rig = new DashboardRig(dir)) {
            rig.startBot();
            rig.startDashboard();
            assertDrawnAsStatusSays(rig, Path.of("target", "dashboard-sqlite.png"));
        }
    }

    @Test
    void dashboardOfABotTradingOnPostgresDrawsItsEquityAndTheStopsStatusReports() throws Exception {
        String url = PostgresServer.shared().newDatabase();
        try (DashboardRig rig = new DashboardRig(dir, "TRADEVAULT_DB_URL", url)) {
            rig.startBot();
            rig.startDashboard();
            assertDrawnAsStatusSays(rig, Path.of("target", "dashboard-postgres.png"));
        }
    }

    @Test
    void withoutTheTokenEveryPathAnswers401AndNoLedgerData() throws Exception {
        try (DashboardRig rig = new DashboardRig(dir)) {
            rig.startBot();
            rig.startDashboard();
            String base = rig.base();
            for (String path : List.of("", "api/overview", "api/alerts", "api/orders", "api/decisions?symbol=BTCUSDT",
                    "assets/dashboard.js", "?token=wrong-token")) {
                HttpResponse<String> r = DashboardRig.get(base + path);
                assertEquals(401, r.statusCode(), path);
                assertEquals(Access.UNAUTHORIZED, r.body(), path);
                assertFalse(r.body().contains("BTCUSDT"), path);
            }
            HttpResponse<String> wrongBearer = DashboardRig.get(base + "api/overview", "Authorization", "Bearer nope");
            assertEquals(401, wrongBearer.statusCode());

            HttpResponse<String> opened = DashboardRig.get(rig.url);
            assertEquals(303, opened.statusCode(), "the token address sets the cookie and drops the token");
            assertEquals("/", opened.headers().firstValue("Location").orElseThrow());
            String cookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.endsWith("; Path=/; HttpOnly; SameSite=Strict"), cookie);
            HttpResponse<String> withCookie = DashboardRig.get(base + "api/overview", "Cookie",
                    cookie.substring(0, cookie.indexOf(';')));
            assertEquals(200, withCookie.statusCode());
            assertTrue(withCookie.body().contains("BTCUSDT"), "the ledger's data, with the token");
            String journal = rig.firstLineUnderSystemd();
            assertTrue(journal.matches("http://127\\.0\\.0\\.1:\\d+/ \\(open it with \\?token= and the token in "
                    + Pattern.quote(dir.resolve("data/dashboard.token").toString()) + "\\)"), journal);
            assertFalse(journal.contains(rig.token()), "under systemd the first line, kept in the journal, has no token");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    dir.resolve("data").resolve(DashboardToken.FILE_NAME))), "the token file is its owner's only");
        }
    }

    @Test
    void theAlertsPanelShowsTheAlertTheBotRaisedPendingOnTheChannelThatRefusesIt() throws Exception {
        try (AlertServers servers = new AlertServers(dir.resolve("alert-servers"));
             DashboardRig rig = new DashboardRig(dir)) {
            servers.webhook.refuseNext(Integer.MAX_VALUE);
            rig.configure(servers.config() + "alerts.min-free-disk = 1000000G\n");
            rig.startBot();
            rig.startDashboard();
            JsonNode alert = awaitDiskLowTriedTwice(rig);
            assertEquals(List.of("email", "telegram"), texts(alert.get("deliveredTo")), alert.toString());
            assertTrue(alert.get("lastError").asText().startsWith("webhook: 127.0.0.1 answered HTTP 503"),
                    alert.toString());
            assertEquals("Free disk space is low under " + dir.resolve("data"), alert.get("title").asText());

            JsonNode open = rig.api("api/overview").at("/alerts/open");
            assertTrue(texts(open.get("conditions"), "condition").contains("disk-low"), open.toString());
            assertEquals(0, open.get("unprotected").asInt(), "the bot's position has its stop: " + open);
            String dom = DashboardRig.chromium(rig.url, Path.of("target", "dashboard-alerts.png"));
            Matcher row = ALERT.matcher(dom);
            assertTrue(row.find(), "the disk-low alert in the alerts panel: " + dom);
            assertEquals(alert.get("id").asText(), row.group(1));
            assertTrue(Integer.parseInt(row.group(2)) >= 2, "failed attempts shown: " + row.group());
            assertTrue(dom.contains("PENDING (delivered to email, telegram)"), dom);
            assertTrue(dom.contains("webhook: 127.0.0.1 answered HTTP 503"), "the last error is shown");
            String line = open.get("total").asInt() + " open: 0 unprotected, " + open.get("critical").asInt()
                    + " critical";
            assertTrue(dom.contains("<dd>" + line + "</dd>"), "the health line '" + line + "': " + dom);
            Path report = dir.resolve("report.html");
            rig.run("report", "--out", report.toString());
            String reported = DashboardRig.chromium(report.toUri().toString(), Path.of("target", "report-alerts.png"));
            assertTrue(ALERT.matcher(reported).find(), "the report shows the alert too: " + reported);
            String everything = dom + reported + rig.api("api/alerts") + rig.api("api/overview");
            for (String secret : AlertServers.SECRETS) {
                assertFalse(everything.contains(secret), "a channel secret reached the page");
            }
        }
    }

    /** The bot's disk-low alert, from /api/alerts, once its delivery failed twice on the refusing webhook. */
    private static JsonNode awaitDiskLowTriedTwice(DashboardRig rig) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(end)) {
            for (JsonNode a : rig.api("api/alerts").get("recent")) {
                if (a.get("condition").asText().equals("disk-low") && a.get("failedAttempts").asInt() >= 2) {
                    assertEquals(List.of("warning", "raised", "pending"), List.of(a.get("severity").asText(),
                            a.get("state").asText(), a.get("status").asText()), a.toString());
                    return a;
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no disk-low alert tried twice after 30 s: " + rig.api("api/alerts"));
    }

    private static List<String> texts(JsonNode array, String... field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field.length == 0 ? n.asText() : n.get(field[0]).asText()));
        return out;
    }

    @Test
    void theReportIsOneFileThatDrawsWithoutANetwork() throws Exception {
        try (DashboardRig rig = new DashboardRig(dir)) {
            rig.startBot();
            awaitEquityPoints(rig, 3);
            Path report = dir.resolve("report.html");
            String out = rig.run("report", "--out", report.toString());
            assertTrue(out.startsWith("report written to " + report + " ("), out);
            String html = Files.readString(report);
            assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "nothing loaded from a network");
            String dom = DashboardRig.chromium(report.toUri().toString(), Path.of("target", "report.png"));
            assertTrue(points(dom) >= 3, dom);
            assertTrue(dom.contains("<canvas"), "uPlot drew its canvas");
        }
    }

    /** The equity chart is drawn and the positions with their stop states are those of 'status --json'. */
    private static void assertDrawnAsStatusSays(DashboardRig rig, Path screenshot) throws Exception {
        awaitEquityPoints(rig, 3);
        JsonNode api = rig.api("api/overview");
        assertTrue(api.at("/health/schemaVersion").asInt() >= 5, api.toString());
        String dom = null;
        List<String> expected = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            List<String> before = positions(rig.status());
            dom = DashboardRig.chromium(rig.url, screenshot);
            List<String> after = positions(rig.status());
            expected = after;
            if (before.equals(after) && rows(dom).equals(after)) {
                break;
            }
        }
        assertFalse(expected.isEmpty(), "the bot holds a position with its stop");
        assertEquals(expected, rows(dom), "positions and stop states as status --json reports them");
        assertTrue(points(dom) >= 3, "equity chart points: " + dom);
        assertTrue(dom.contains("<canvas"), "uPlot drew its canvas");
        assertTrue(dom.contains("class=\"pill ok\">running<"), "the bot is seen scanning");
    }

    private static List<String> positions(JsonNode status) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : status.at("/trading/openPositions")) {
            out.add(p.get("id").asText() + " " + p.get("protectedByStop").asText() + " "
                    + (p.get("stopOrder").isNull() ? "NONE" : p.at("/stopOrder/state").asText()));
        }
        return out;
    }

    private static List<String> rows(String dom) {
        List<String> out = new ArrayList<>();
        Matcher m = ROW.matcher(dom);
        while (m.find()) {
            out.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
        }
        return out;
    }

    private static int points(String dom) {
        Matcher m = POINTS.matcher(dom);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Waits for an open position and {@code n} equity snapshots (seen through the API, or waited out). */
    private static void awaitEquityPoints(DashboardRig rig, int n) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(end)) {
            if (rig.status().at("/trading/openPositions").size() > 0) {
                if (rig.dashboard == null) {
                    Thread.sleep((n + 1) * 1000L);
                    return;
                }
                if (rig.api("api/overview").at("/equity/time").size() >= n) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no open position with " + n + " equity snapshots after 30 s");
    }
}
