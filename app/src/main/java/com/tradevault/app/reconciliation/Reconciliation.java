package com.tradevault.app.reconciliation;

import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.exchange.ExchangeUnavailable;
import com.tradevault.app.exchange.UnknownOutcome;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.orders.FillEvent;
import com.tradevault.app.orders.PlacingOrders;
import com.tradevault.app.orders.ProtectionPolicy;
import com.tradevault.app.orders.RecordingFills;
import com.tradevault.core.config.Durations;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the ledger and the exchange into agreement: on every start before
 * trading, every {@code reconcile.interval} while running, and on demand.
 * Takes a {@link Observation} of both, plans what to do ({@link Planner}, pure),
 * makes the steps ({@link Applying}), then takes another snapshot to check
 * that every open position has exactly one live stop and the fills agree,
 * repeating a few rounds when the first steps caused more (an exit that
 * filled). Every finding and step goes to the audit log; the report is
 * printed and logged.
 */
public final class Reconciliation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);
    private static final int MAX_ROUNDS = 3;
    private static final int MAX_UNSETTLED_ATTEMPTS = 10;

    private final Ledger ledger;
    private final Clock clock;
    private final RecordingFills fills;
    private final PlacingOrders placing;
    private final Planner planning;
    private final ReconcileSettings settings;
    private final SideBySide sideBySide = new SideBySide(8);
    private final Gathering gathering;
    private final Applying applying;
    private volatile List<String> blockReasons = List.of();
    private ReportHook reported = ReportHook.NONE;

    /**
     * @param intentGrace how long an intent the exchange does not know may still be in flight
     */
    public Reconciliation(Ledger ledger, Exchange exchange, Clock clock, PlacingOrders placing, RecordingFills fills,
                          ReconcileSettings settings, Duration intentGrace) {
        this(ledger, exchange, clock, placing, fills, settings, intentGrace, ProtectionPolicy.defaults());
    }

    /**
     * @param policy how stops are drafted and which symbols were found unprotectable (shared with the bot)
     */
    public Reconciliation(Ledger ledger, Exchange exchange, Clock clock, PlacingOrders placing, RecordingFills fills,
                          ReconcileSettings settings, Duration intentGrace, ProtectionPolicy policy) {
        this.ledger = ledger;
        this.clock = clock;
        this.fills = fills;
        this.placing = placing;
        this.planning = new Planner(settings, intentGrace);
        this.settings = settings;
        this.gathering = new Gathering(ledger, exchange, clock, sideBySide, policy.unprotected());
        this.applying = new Applying(ledger, exchange, clock, placing, fills, sideBySide, policy);
    }

    /**
     * What one reconciliation found and did.
     *
     * @param actions       the readable report, one line each
     * @param openPositions open positions afterwards
     * @param first         the plan of the first round (what was found)
     * @param settled       whether the last check found nothing left to do (the invariant holds)
     */
    public record Report(List<String> actions, int openPositions, Plan first, boolean settled) {
        public boolean changedNothing() {
            return first.steps().isEmpty();
        }

        public boolean pending() {
            return !settled;
        }
    }

    /** The plan a run would follow now, changing nothing (for {@code --dry-run}). */
    public Plan plan() {
        return planning.plan(gathering.take());
    }

    /** Reconciles the ledger with the exchange for {@code symbols} and every symbol with open business. */
    public Report run(Collection<String> symbols) {
        recordNewFills(symbols);
        Plan first = planning.plan(gathering.take());
        Plan last = first;
        Applied firstApplied = Applied.nothing();
        Applied applied = Applied.nothing();
        for (int round = 1; !last.steps().isEmpty() && round <= MAX_ROUNDS; round++) {
            recordFindings(last);
            applied = applying.applyAll(last.steps());
            firstApplied = round == 1 ? applied : firstApplied;
            catchUp(symbols, last);
            last = planning.plan(gathering.take());
            if (applied.refusedForNow()) {
                break;
            }
        }
        List<String> blocked = new ArrayList<>(last.blockReasons());
        blocked.addAll(applied.blockReasons());
        blockReasons = List.copyOf(blocked);
        Report report = new Report(lines(first, firstApplied, last), last.openPositions(), first,
                last.steps().isEmpty() && !last.pending());
        record(report, blocked);
        return report;
    }

    /** Why new entries must wait, from the last reconciliation (empty: entries may go on). */
    public List<String> entriesBlocked() {
        return blockReasons;
    }

    /**
     * Records trades after the cursor of the symbols where the steps may have
     * caused fills (an exit at market, an adopted or cancelled order, fills
     * recorded), sending the stops that completed entries call for. Placing a
     * stop above the market causes none, so a thousand re-placed stops cost no
     * extra lookups.
     */
    private void catchUp(Collection<String> symbols, Plan plan) {
        TreeSet<String> all = new TreeSet<>(symbols);
        plan.steps().stream().filter(Step::mayHaveFilled).map(Step::symbol).forEach(all::add);
        for (String symbol : all) {
            for (FillEvent e : fills.sync(symbol)) {
                e.stopIntent().ifPresent(placing::send);
            }
        }
    }

    /**
     * Records the traded symbols' fills after the ledger's trade cursor first,
     * so that fills of orders the ledger lost (a restored backup, a lost log)
     * are back, with their positions, before protection is planned.
     */
    private void recordNewFills(Collection<String> symbols) {
        for (String symbol : new TreeSet<>(symbols)) {
            for (FillEvent e : fills.sync(symbol)) {
                e.stopIntent().ifPresent(placing::send);
            }
        }
    }

    private void recordFindings(Plan plan) {
        ledger.transaction(s -> {
            plan.findings().forEach(f -> s.audit("reconciliation-finding", f.auditData(), clock.instant()));
            return null;
        });
    }

    private static List<String> lines(Plan first, Applied applied, Plan last) {
        List<String> lines = new ArrayList<>(first.reportLines(false, applied.failures()));
        if (!first.agrees()) {
            lines.add("  afterwards: " + last.openPositions() + " open position(s)");
        }
        if (!first.steps().isEmpty()) {
            lines.add(last.steps().isEmpty() && !last.pending() ? settledLine(last)
                    : "  not settled yet: " + String.join("; ", last.steps().stream().map(Step::describe).toList()));
        }
        if (first.agrees() && last.pending()) {
            lines.addAll(last.reportLines(false).subList(1, last.reportLines(false).size()));
        }
        return lines;
    }

    /** Claims every position protected only when no position was left without a stop. */
    private static String settledLine(Plan last) {
        List<String> left = last.findings().stream().filter(f -> f.kind() == Finding.Kind.MARKET_THROUGH_STOP)
                .map(Finding::subject).toList();
        return left.isEmpty()
                ? "  checked: every open position has exactly one live stop; ledger fills equal the exchange's"
                : "  nothing more to do now; left UNPROTECTED: " + String.join(", ", left) + " (act by hand)";
    }

    private void record(Report report, List<String> blocked) {
        Map<String, Object> data = new java.util.LinkedHashMap<>(report.first().summary(false));
        data.put("settled", report.settled());
        data.put("openPositionsAfter", report.openPositions());
        data.put("report", report.actions());
        data.put("entriesBlocked", blocked);
        ledger.transaction(s -> {
            s.audit("reconciliation", data, clock.instant());
            reported.recorded(s, report, blocked);
            return null;
        });
        reported.committed();
        report.actions().forEach(line -> LOG.info("{}", line.strip()));
    }

    /**
     * Told of every report in the transaction that records it, so that what
     * it writes (an alert) commits with the report or not at all.
     */
    public interface ReportHook {
        /** Nothing is told. */
        ReportHook NONE = new ReportHook() {
            @Override
            public void recorded(LedgerSession s, Report report, List<String> entriesBlocked) {
            }
        };

        void recorded(LedgerSession s, Report report, List<String> entriesBlocked);

        /** The transaction of the last report committed. */
        default void committed() {
        }
    }

    /** Tells {@code hook} of each report, inside the transaction that records it. */
    public void reportTo(ReportHook hook) {
        this.reported = hook;
    }

    /** Waits between two attempts; returns true when the wait was cut short by a stop request. */
    @FunctionalInterface
    public interface Waiting {
        boolean stopRequestedWhileWaiting(Duration d) throws InterruptedException;

        /** An attempt found the exchange unreachable ({@code e}); told before the wait that follows. */
        default void exchangeFailed(RuntimeException e) {
        }
    }

    /**
     * Reconciles until settled: an unreachable exchange (or an answer lost)
     * is asked again after a backoff that doubles up to its maximum, for at
     * most {@code maxAttempts} attempts (0: until it answers); a pending intent
     * is waited for. Empty when a stop was requested while waiting; the last
     * failure when the exchange never answered before the stop.
     */
    public Optional<Report> untilSettled(Collection<String> symbols, int maxAttempts, Waiting waiting)
            throws InterruptedException {
        Duration backoff = settings.retryBackoff();
        RuntimeException unreachable = null;
        for (int attempt = 1; ; attempt++) {
            boolean last = maxAttempts > 0 && attempt >= maxAttempts;
            try {
                Report report = run(symbols);
                if (report.settled() || last || attempt >= MAX_UNSETTLED_ATTEMPTS) {
                    return Optional.of(report);
                }
                LOG.info("reconciliation not settled yet; reconciling again in {}", Durations.format(backoff));
            } catch (ExchangeUnavailable | UnknownOutcome e) {
                if (last) {
                    throw e;
                }
                unreachable = e;
                waiting.exchangeFailed(e);
                LOG.warn("reconciliation: cannot reach the exchange ({}); asking again in {}; trading waits",
                        e.getMessage(), Durations.format(backoff));
            }
            if (waiting.stopRequestedWhileWaiting(backoff)) {
                if (unreachable != null) {
                    throw unreachable;
                }
                return Optional.empty();
            }
            backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff()
                    : backoff.multipliedBy(2);
        }
    }

    @Override
    public void close() {
        sideBySide.close();
    }
}
