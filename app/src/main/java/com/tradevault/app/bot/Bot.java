package com.tradevault.app.bot;

import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.exchange.ExchangeUnavailable;
import com.tradevault.app.exchange.UnknownOutcome;
import com.tradevault.app.faults.CrashPoints;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.orders.ClientOrderIds;
import com.tradevault.app.orders.DraftingStops;
import com.tradevault.app.orders.VenueTrailing;
import com.tradevault.app.orders.ProtectionPolicy;
import com.tradevault.app.orders.StopCoverage;
import com.tradevault.app.orders.UnprotectedSymbols;
import com.tradevault.app.orders.PlacingOrders;
import com.tradevault.app.orders.ProtectingPositions;
import com.tradevault.app.orders.RecordingFills;
import com.tradevault.app.reconciliation.ReconcileSettings;
import com.tradevault.app.reconciliation.Reconciliation;
import com.tradevault.app.supervision.Supervisor;
import com.tradevault.app.trading.Decision;
import com.tradevault.app.trading.Money;
import com.tradevault.core.config.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot: wires the services with constructor calls, reconciles with the
 * venue, then scans every symbol each interval until the time is up or a
 * stop is requested. Stopping waits for the current scan, so stops stay on the
 * venue and nothing is left half-written.
 */
public final class Bot {

    private static final Logger LOG = LoggerFactory.getLogger(Bot.class);

    /** How much longer than a retry wait the start may take before systemd gives up on it. */
    private static final Duration START_MARGIN = Duration.ofMinutes(2);

    private final BotSettings settings;
    private final Ledger ledger;
    private final Clock clock;
    private final Trading trading;
    private final Reconciliation reconciliation;
    private final ReconcileSettings reconcileSettings;
    private final RecordingFills fills;
    private final CrashPoints crashPoints;
    private final RecordingEquity equity;
    private BotWatch watch = BotWatch.NONE;

    public Bot(BotSettings settings, Ledger ledger, Exchange exchange, Clock clock) {
        this(settings, ReconcileSettings.defaults(), ledger, exchange, clock);
    }

    public Bot(BotSettings settings, ReconcileSettings reconcileSettings, Ledger ledger, Exchange exchange,
               Clock clock) {
        this(settings, reconcileSettings, ledger, exchange, clock, CrashPoints.NONE);
    }

    /** A bot that halts at {@code crashPoints} (the crash tests; {@link CrashPoints#NONE} otherwise). */
    public Bot(BotSettings settings, ReconcileSettings reconcileSettings, Ledger ledger, Exchange exchange,
               Clock clock, CrashPoints crashPoints) {
        this.settings = settings;
        this.reconcileSettings = reconcileSettings;
        this.ledger = ledger;
        this.clock = clock;
        this.crashPoints = crashPoints;
        PlacingOrders placing = new PlacingOrders(ledger, exchange, clock, new ClientOrderIds(),
                settings.intentGrace(), crashPoints);
        ProtectionPolicy policy = new ProtectionPolicy(new DraftingStops(settings.strategy().stopLimitOffsetPercent(),
                VenueTrailing.of(settings.strategy())),
                reconcileSettings.marketThroughStop() == ReconcileSettings.MarketThroughStop.EXIT_AT_MARKET,
                new UnprotectedSymbols());
        this.fills = new RecordingFills(ledger, exchange, placing, clock, settings.strategy().trail(),
                policy.drafting());
        ProtectingPositions protecting = new ProtectingPositions(ledger, exchange, placing, clock,
                settings.strategy().minStopMovePercent(), policy);
        this.trading = new Trading(settings, ledger, exchange, clock, placing, fills, protecting);
        this.reconciliation = new Reconciliation(ledger, exchange, clock, placing, fills, reconcileSettings,
                settings.intentGrace(), policy);
        this.trading.blockEntriesWhen(reconciliation::entriesBlocked);
        this.trading.blockSymbolsWhen(policy.unprotected());
        this.equity = new RecordingEquity(ledger, clock, settings.equityInterval());
    }

    /**
     * What a run did.
     *
     * @param traded   whether the run got past its startup reconciliation and traded
     * @param coverage which open positions a stop the venue acknowledged protects, at the end
     */
    public record Summary(int scans, Map<Decision.Kind, Integer> decisions, int openPositions, Money realizedPnl,
                          boolean traded, StopCoverage coverage) {
    }

    /** Tells {@code watch} of the start, each scan, the exchange's answers and the clean stop. */
    public void watchWith(BotWatch watch) {
        this.watch = watch;
    }

    public Trading trading() {
        return trading;
    }

    /** The reconciliation service, for {@code tradevault reconcile}. */
    public Reconciliation reconciliation() {
        return reconciliation;
    }

    public Reconciliation.Report reconcile() {
        return reconciliation.run(settings.symbols());
    }

    /** Reconciles, then scans until {@code limit} has passed (empty: until stopped) or {@code stop} is requested. */
    public Summary run(Optional<Duration> limit, StopSignal stop) throws InterruptedException {
        return run(limit, stop, () -> { }, Supervisor.NONE);
    }

    /**
     * Like {@link #run(Optional, StopSignal)}, first running {@code beforeTrading}
     * (a check of the venue's rules, which may refuse to start), asked again
     * while the exchange cannot be reached, like the startup reconciliation.
     */
    public Summary run(Optional<Duration> limit, StopSignal stop, Runnable beforeTrading)
            throws InterruptedException {
        return run(limit, stop, beforeTrading, Supervisor.NONE);
    }

    /**
     * As {@link #run(Optional, StopSignal)}, telling {@code supervisor} when
     * trading starts and, from the scan loop itself, that the loop is alive.
     */
    public Summary run(Optional<Duration> limit, StopSignal stop, Supervisor supervisor) throws InterruptedException {
        return run(limit, stop, () -> { }, supervisor);
    }

    /** Runs {@code beforeTrading}, reconciles and trades, keeping {@code supervisor} told. */
    public Summary run(Optional<Duration> limit, StopSignal stop, Runnable beforeTrading, Supervisor supervisor)
            throws InterruptedException {
        Instant end = limit.map(clock.instant()::plus).orElse(Instant.MAX);
        watch.started();
        Reconciliation.Waiting waiting = new StartupWaiting(stop, end, supervisor);
        if (!untilAnswered(beforeTrading, waiting)
                || reconciliation.untilSettled(settings.symbols(), 0, waiting).isEmpty()) {
            LOG.error("stopped before trading: the startup reconciliation had not completed");
            watch.stopped();
            return ledger.transaction(s -> new Summary(0, Map.of(), s.openPositions().size(), s.realizedPnl(), false,
                    StopCoverage.read(s)));
        }
        Instant nextReconciliation = clock.instant().plus(reconcileSettings.interval());
        RunTally tally = new RunTally();
        LOG.info("trading {} every {}{}", String.join(", ", settings.symbols()),
                Durations.format(settings.scanInterval()), limit.map(d -> " for " + Durations.format(d)).orElse(""));
        supervisor.ready("reconciled; trading " + String.join(", ", settings.symbols()));
        while (!stop.isRequested() && clock.instant().isBefore(end)) {
            crashPoints.reach(CrashPoints.Point.HANG_IN_SCAN_LOOP);
            Duration wait = scanAll(tally);
            equity.recordIfDue();
            if (!clock.instant().isBefore(nextReconciliation)) {
                reconcilePeriodically();
                nextReconciliation = clock.instant().plus(reconcileSettings.interval());
            }
            watch.scanned();
            supervisor.alive();
            if (awaitNextScan(stop, end, wait, supervisor)) {
                break;
            }
        }
        supervisor.stopping();
        recordLastFills();
        Summary summary = ledger.transaction(s -> new Summary(tally.scans(), tally.decisions(),
                s.openPositions().size(), s.realizedPnl(), true, StopCoverage.read(s)));
        logCoverage(summary);
        watch.stopped();
        return summary;
    }

    /**
     * The waits of the start, before trading: they keep the supervisor told,
     * end at a stop or at the run's end, and count an unreachable exchange
     * toward {@code alerts.exchange-down-after} like a failed scan does.
     */
    private final class StartupWaiting implements Reconciliation.Waiting {
        private final StopSignal stop;
        private final Instant end;
        private final Supervisor supervisor;

        StartupWaiting(StopSignal stop, Instant end, Supervisor supervisor) {
            this.stop = stop;
            this.end = end;
            this.supervisor = supervisor;
        }

        @Override
        public boolean stopRequestedWhileWaiting(Duration d) throws InterruptedException {
            supervisor.startingFor(d.plus(START_MARGIN));
            Duration left = Duration.between(clock.instant(), end);
            return stop.awaitFor(left.compareTo(d) < 0 ? left : d) || !clock.instant().isBefore(end);
        }

        @Override
        public void exchangeFailed(RuntimeException e) {
            watch.exchangeFailed(String.valueOf(e.getMessage()));
        }
    }

    /** Runs {@code check} until the exchange answers it; false when a stop came first. */
    private boolean untilAnswered(Runnable check, Reconciliation.Waiting waiting) throws InterruptedException {
        Duration backoff = reconcileSettings.retryBackoff();
        while (true) {
            try {
                check.run();
                return true;
            } catch (ExchangeUnavailable | UnknownOutcome e) {
                waiting.exchangeFailed(e);
                LOG.warn("cannot reach the exchange to read the symbols' rules ({}); asking again in {}; trading"
                        + " waits", e.getMessage(), Durations.format(backoff));
                if (waiting.stopRequestedWhileWaiting(backoff)) {
                    throw e;
                }
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(reconcileSettings.maxBackoff()) > 0 ? reconcileSettings.maxBackoff()
                        : doubled;
            }
        }
    }

    private static void logCoverage(Summary summary) {
        StopCoverage c = summary.coverage();
        if (c.uncovered().isEmpty()) {
            LOG.info("stopped after {} scans; {} open position(s) stay protected by their stops on the exchange",
                    summary.scans(), c.open());
        } else {
            LOG.error("stopped after {} scans; {} open position(s): {} protected by a stop the exchange acknowledged,"
                    + " {} UNPROTECTED: {}", summary.scans(), c.open(), c.covered().size(), c.uncovered().size(),
                    c.uncoveredNames());
        }
    }

    /**
     * Waits for the next scan, telling the supervisor the loop is alive at
     * least as often as its watchdog needs; true when a stop was requested.
     */
    private boolean awaitNextScan(StopSignal stop, Instant end, Duration wait, Supervisor supervisor)
            throws InterruptedException {
        Duration toEnd = Duration.between(clock.instant(), end);
        Duration left = toEnd.compareTo(wait) < 0 ? toEnd : wait;
        Duration step = supervisor.aliveEvery().orElse(left);
        while (left.compareTo(Duration.ZERO) > 0) {
            Duration now = left.compareTo(step) < 0 ? left : step;
            if (stop.awaitFor(now)) {
                return true;
            }
            supervisor.alive();
            left = left.minus(now);
        }
        return false;
    }

    /**
     * Records the fills the venue already has before the summary is taken, so
     * that an exit that filled during the last scan closes its position rather
     * than leaving it reported open and unprotected.
     */
    private void recordLastFills() {
        for (String symbol : settings.symbols()) {
            try {
                fills.sync(symbol);
            } catch (ExchangeUnavailable | UnknownOutcome e) {
                LOG.warn("could not ask the exchange for the last fills of {} before stopping ({}); the next start"
                        + " records them", symbol, e.getMessage());
            }
        }
    }

    private void reconcilePeriodically() {
        try {
            reconciliation.run(settings.symbols());
        } catch (ExchangeUnavailable | UnknownOutcome e) {
            LOG.warn("periodic reconciliation could not reach the exchange ({}); trying again in {}", e.getMessage(),
                    Durations.format(reconcileSettings.interval()));
        }
    }

    private Duration scanAll(RunTally tally) {
        for (String symbol : settings.symbols()) {
            try {
                tally.count(trading.scan(symbol));
            } catch (ExchangeUnavailable e) {
                watch.exchangeFailed(String.valueOf(e.getMessage()));
                LOG.warn("exchange unavailable while scanning {}: {}; trying again next scan", symbol, e.getMessage());
                tally.count(ledger.transaction(s -> {
                    Decision skip = Decision.skip(symbol, clock.instant(), "exchange-unavailable",
                            Map.of("error", String.valueOf(e.getMessage())));
                    s.insertDecision(skip);
                    return skip;
                }));
                return e.retryAfter().filter(d -> d.compareTo(settings.scanInterval()) > 0)
                        .orElse(settings.scanInterval());
            }
        }
        watch.exchangeAnswered();
        return settings.scanInterval();
    }
}
