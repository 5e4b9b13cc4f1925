package com.tradevault.app.dashboard;

import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.ledger.LedgerSession.DecisionFilter;
import com.tradevault.app.status.TradingStatus;
import com.tradevault.app.trading.Decision;
import com.tradevault.app.trading.EquitySnapshot;
import com.tradevault.app.trading.Fill;
import com.tradevault.app.trading.Order;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the dashboard shows, read from the ledger on read-only connections
 * and shaped for JSON: the overview (status, equity curve, health, backups,
 * reconciliations, alerts) and the filtered lists of orders, fills and decisions.
 * Nothing here is a secret: no key, token, password or database URL with a
 * password ever reaches it.
 */
public final class DashboardData {

    /** The longest list a details page gets at once. */
    static final int MAX_ROWS = 500;
    /** The most points a chart gets: more than a screen is wide, far fewer than a year of snapshots. */
    static final int CHART_POINTS = 1500;
    /** The newest alerts the overview shows; the alerts list has {@link #MAX_ROWS}. */
    static final int ALERTS_SHOWN = 10;
    private static final Duration EQUITY_SPAN = Duration.ofDays(366);

    private final Ledger ledger;
    private final Clock clock;
    private final Health health;
    private final Backups backups;

    public DashboardData(Ledger ledger, Clock clock, Health health, Backups backups) {
        this.ledger = ledger;
        this.clock = clock;
        this.health = health;
        this.backups = backups;
    }

    /** Filters of a details list, from the page's query string; empty parts match everything. */
    public record Filter(Optional<String> symbol, Optional<String> outcome, Optional<Instant> from,
                         Optional<Instant> to) {
        public static final Filter NONE = new Filter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        boolean inTime(Instant at) {
            return from.map(f -> !at.isBefore(f)).orElse(true) && to.map(at::isBefore).orElse(true);
        }
    }

    /**
     * The one-screen picture: status (the same as {@code status --json}), equity, health, backups,
     * reconciliations, alerts.
     */
    public Map<String, Object> overview() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("generatedAt", clock.instant().toString());
        ledger.read(s -> {
            out.put("trading", TradingStatus.read(s));
            out.put("equity", equity(s));
            out.put("reconciliations", reconciliations(s, 10));
            out.put("alerts", AlertsPanel.read(s, ALERTS_SHOWN));
            out.put("health", health.read(s));
            return null;
        });
        out.put("backups", backups.read());
        return out;
    }

    /**
     * The equity curve with its drawdown, as columns of times (epoch seconds),
     * equity and drawdown below the running peak; at most {@link #CHART_POINTS}
     * points: each bucket of a longer series keeps its last equity and its
     * deepest drawdown, so no trough disappears from the chart.
     */
    private Map<String, Object> equity(LedgerSession s) {
        List<EquitySnapshot> all = s.equitySnapshots(clock.instant().minus(EQUITY_SPAN));
        int per = Math.max(1, (all.size() + CHART_POINTS - 1) / CHART_POINTS);
        List<Long> times = new ArrayList<>();
        List<BigDecimal> equity = new ArrayList<>();
        List<BigDecimal> drawdown = new ArrayList<>();
        BigDecimal peak = null;
        BigDecimal deepest = BigDecimal.ZERO;
        BigDecimal worst = BigDecimal.ZERO;
        for (int i = 0; i < all.size(); i++) {
            BigDecimal v = all.get(i).equity().value();
            peak = peak == null || v.compareTo(peak) > 0 ? v : peak;
            BigDecimal down = v.subtract(peak);
            deepest = down.min(deepest);
            worst = down.min(worst);
            if ((i + 1) % per == 0 || i == all.size() - 1) {
                times.add(all.get(i).takenAt().getEpochSecond());
                equity.add(v.stripTrailingZeros());
                drawdown.add(deepest.stripTrailingZeros());
                deepest = BigDecimal.ZERO;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time", times);
        out.put("equity", equity);
        out.put("drawdown", drawdown);
        out.put("maxDrawdown", worst.stripTrailingZeros());
        return out;
    }

    private static List<Map<String, Object>> reconciliations(LedgerSession s, int limit) {
        return s.auditEvents("reconciliation", limit).stream().map(e -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("at", e.at().toString());
            row.putAll(e.data());
            return row;
        }).toList();
    }

    /** Reconciliation reports with their findings, newest first. */
    public List<Map<String, Object>> reconciliations() {
        return ledger.read(s -> reconciliations(s, 100));
    }

    /** The open alert conditions and the newest alerts, delivered or pending, newest first. */
    public Map<String, Object> alerts() {
        return ledger.read(s -> AlertsPanel.read(s, MAX_ROWS));
    }

    /** Orders, newest first, by symbol, state ({@code outcome}) and creation time. */
    public List<TradingStatus.OrderView> orders(Filter f) {
        Predicate<Order> keep = o -> f.symbol().map(o.symbol()::equals).orElse(true)
                && f.outcome().map(o.state().name()::equals).orElse(true) && f.inTime(o.createdAt());
        return ledger.read(LedgerSession::allOrders).stream().filter(keep)
                .sorted(Comparator.comparing(Order::createdAt).reversed()).limit(MAX_ROWS)
                .map(TradingStatus.OrderView::of).toList();
    }

    /** A fill with the symbol and side of its order. */
    public record FillView(String exchangeFillId, String clientOrderId, String symbol, String side, BigDecimal price,
                           BigDecimal quantity, BigDecimal fee, String feeAsset, String filledAt) {
    }

    /** Fills, newest first, by symbol and time. */
    public List<FillView> fills(Filter f) {
        return ledger.read(s -> {
            Map<Long, Order> byId = new LinkedHashMap<>();
            s.allOrders().forEach(o -> byId.put(o.id(), o));
            return s.allFills().stream().filter(x -> f.inTime(x.filledAt()))
                    .filter(x -> f.symbol().map(byId.get(x.orderId()).symbol()::equals).orElse(true))
                    .sorted(Comparator.comparing(Fill::filledAt).reversed()).limit(MAX_ROWS)
                    .map(x -> view(x, byId.get(x.orderId()))).toList();
        });
    }

    private static FillView view(Fill f, Order o) {
        return new FillView(f.exchangeFillId(), o.clientOrderId().value(), o.symbol(), o.side().name(),
                f.price().value().stripTrailingZeros(), f.quantity().value().stripTrailingZeros(),
                f.fee().value().stripTrailingZeros(), f.feeAsset(), f.filledAt().toString());
    }

    /** Decisions, newest first, by symbol, outcome (ENTER, EXIT, HOLD, SKIP) and time. */
    public List<TradingStatus.DecisionView> decisions(Filter f) {
        Optional<Decision.Kind> kind = f.outcome().map(Decision.Kind::valueOf);
        DecisionFilter filter = new DecisionFilter(f.symbol(), kind, f.from(), f.to());
        return ledger.read(s -> s.decisions(filter, MAX_ROWS)).stream().map(TradingStatus::view).toList();
    }
}
