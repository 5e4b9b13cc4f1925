package com.tradevault.app.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/** What each path of an authorized request answers: the page, its assets, the JSON. */
final class Routes {

    private static final Set<String> OUTCOMES = Set.of("ENTER", "EXIT", "HOLD", "SKIP", "INTENT", "NEW",
            "PARTIALLY_FILLED", "FILLED", "CANCELED", "REJECTED", "EXPIRED", "NEVER_SENT");

    private final DashboardData data;
    private final Assets assets;
    private final byte[] page;

    Routes(DashboardData data, Assets assets, DashboardSettings settings) {
        this.data = data;
        this.assets = assets;
        this.page = Pages.live(assets, settings.refresh()).getBytes(StandardCharsets.UTF_8);
    }

    void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/")) {
            DashboardServer.send(exchange, 200, "text/html; charset=utf-8", page);
        } else if (path.startsWith("/assets/")) {
            Optional<Assets.Asset> a = assets.get(path.substring("/assets/".length()));
            if (a.isPresent()) {
                DashboardServer.send(exchange, 200, a.get().type(), a.get().bytes());
            } else {
                text(exchange, 404, "no such asset: " + path);
            }
        } else if (path.startsWith("/api/")) {
            api(exchange, path.substring("/api/".length()));
        } else {
            text(exchange, 404, "no such page: " + path);
        }
    }

    private void api(HttpExchange exchange, String name) throws IOException {
        DashboardData.Filter filter;
        try {
            filter = filter(Query.parse(exchange.getRequestURI().getRawQuery()));
        } catch (IllegalArgumentException e) {
            text(exchange, 400, e.getMessage());
            return;
        }
        Object body = switch (name) {
            case "overview" -> data.overview();
            case "orders" -> data.orders(filter);
            case "fills" -> data.fills(filter);
            case "decisions" -> data.decisions(filter);
            case "reconciliations" -> data.reconciliations();
            case "alerts" -> data.alerts();
            default -> null;
        };
        if (body == null) {
            text(exchange, 404, "no such data: /api/" + name);
            return;
        }
        DashboardServer.send(exchange, 200, "application/json", DashboardServer.JSON.writeValueAsBytes(body));
    }

    static DashboardData.Filter filter(Query q) {
        Optional<String> outcome = q.get("outcome").map(String::toUpperCase);
        if (outcome.isPresent() && !OUTCOMES.contains(outcome.get())) {
            throw new IllegalArgumentException("outcome=" + outcome.get() + " is not one of " + String.join(", ",
                    OUTCOMES.stream().sorted().toList()));
        }
        return new DashboardData.Filter(q.get("symbol").map(String::toUpperCase), outcome, time(q, "from"),
                time(q, "to"));
    }

    private static Optional<Instant> time(Query q, String name) {
        return q.get(name).map(v -> {
            try {
                return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name + "=" + v + " is not a date (2026-12-06) or a UTC time"
                        + " (2026-12-06T10:00:00Z)");
            }
        });
    }

    private static void text(HttpExchange exchange, int status, String message) throws IOException {
        DashboardServer.send(exchange, status, "text/plain; charset=utf-8",
                (message + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
