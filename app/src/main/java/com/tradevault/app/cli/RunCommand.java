package com.tradevault.app.cli;

import com.tradevault.app.alerts.AlertSettings;
import com.tradevault.app.bot.Bot;
import com.tradevault.app.bot.StopSignal;
import com.tradevault.app.exchange.CredentialsRejected;
import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.exchange.ExchangeException;
import com.tradevault.app.exchange.wiring.Exchanges;
import com.tradevault.app.faults.CrashPoints;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.LedgerFailure;
import com.tradevault.app.ledger.jdbc.JdbcLedgers;
import com.tradevault.app.orders.StopCoverage;
import com.tradevault.app.supervision.Supervisor;
import com.tradevault.app.reconciliation.ReconcileSettings;
import com.tradevault.app.trading.Decision;
import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import com.tradevault.core.config.Durations;
import com.tradevault.core.config.SettingsReader;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.DatabaseProblem;
import com.tradevault.core.db.InstanceLock;
import com.tradevault.core.db.SchemaMigrations;
import com.tradevault.app.retention.FoldingHistory;
import com.tradevault.app.alerts.ReplicaLagCheck;
import com.tradevault.backup.replica.ReplicaCoverage;
import com.tradevault.backup.replica.ReplicaSettings;
import com.tradevault.backup.replica.ReplicaStatus;
import com.tradevault.backup.replica.ReplicaStores;
import com.tradevault.app.retention.RetentionSettings;
import com.tradevault.backup.BackupCatalog;
import com.tradevault.backup.BackupSettings;
import com.tradevault.backup.ScheduledBackups;
import com.tradevault.backup.TakingBackups;
import com.tradevault.core.db.OpeningDatabases;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradevault run}: reconcile with the exchange, then trade until stopped or the time is up. */
@Command(name = "run", description = {
        "Run the bot: check the configuration and the ledger, take the single-instance lock, reconcile with the"
                + " exchange (every open position gets its protective stop), then scan and trade.",
        "SIGTERM or Ctrl-C finish the current scan and stop cleanly; stops stay on the exchange."})
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    /** How long a SIGTERM waits for the current scan to finish. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--for", paramLabel = "DURATION",
            description = "Stop after this long, written like 90s, 15m or 2h (default: run until stopped).")
    String runFor;

    /** Test-only and hidden; see {@link CrashPoints} for why only the command line arms it. */
    @Option(names = CrashPoints.OPTION, hidden = true, paramLabel = "POINT[:N]")
    String crashAt;

    RunCommand(CommandContext context) {
        this.context = context;
    }

    /** The tables every scan reads or writes; checked before the bot trades. */
    private static final List<String> HOT_TABLES = List.of("positions", "orders", "fills", "kv");

    @Override
    public Integer call() throws InterruptedException {
        Optional<Duration> limit = limit();
        CrashPoints crashPoints = crashPoints();
        SettingsReader reader = new SettingsReader(context.config(common));
        BotConfiguration config = BotConfiguration.read(reader);
        ReconcileSettings reconcile = ReconcileSettings.read(reader);
        BackupSettings backups = BackupSettings.read(reader, config.db());
        RetentionSettings retention = RetentionSettings.read(reader);
        AlertSettings alerts = AlertSettings.read(reader);
        reader.throwIfProblems();
        OpeningDatabases opening = new OpeningDatabases(config.db(), context.keys());
        try (Database db = opening.openExisting()) {
            new SchemaMigrations(db).requireCurrent();
            checkPagesAboutToBeUsed(db);
            try (InstanceLock lock = db.dialect().lockForWriting(db);
                 BackingUpWhileRunning scheduled = BackingUpWhileRunning.start(scheduledBackups(opening, backups));
                 CompactingWhileRunning folding = CompactingWhileRunning.start(new FoldingHistory(JdbcLedgers.on(db),
                         retention, new BackupCatalog(backups.dir()), ReplicaCoverage.verifiedPointsOf(
                                 context.replicaSettings(common), opening), context.clock()), retention.interval())) {
                trade(config, reconcile, db, limit, crashPoints, new Alerting(alerts, backups,
                        replicaLag(context.replicaSettings(common), opening)));
            }
        }
        return 0;
    }

    /**
     * A quick check of the tables the bot reads and writes from its first scan
     * on: a damaged page there stops it before it trades, not in the middle.
     * The large, append-only decision log is left to 'tradevault integrity'.
     */
    private static void checkPagesAboutToBeUsed(Database db) {
        String where = db.dialect().location();
        try (Connection c = db.connect()) {
            List<String> problems = db.dialect().checks().quickCheck(c, HOT_TABLES);
            if (!problems.isEmpty()) {
                throw DatabaseProblem.damaged("the quick check of " + String.join(", ", HOT_TABLES)
                        + " before trading", where, new SQLException(String.join("; ",
                        problems.subList(0, Math.min(3, problems.size())))));
            }
        } catch (SQLException e) {
            throw DatabaseProblem.failed("the quick check of " + String.join(", ", HOT_TABLES) + " before trading",
                    where, e);
        }
    }

    private ScheduledBackups scheduledBackups(OpeningDatabases opening, BackupSettings settings) {
        return new ScheduledBackups(new TakingBackups(opening, settings, context.backupKeys(settings), context.clock(),
                VersionProvider.version()), settings);
    }

    /** What the alerts of a run need beside the ledger. */
    private record Alerting(AlertSettings settings, BackupSettings backups, ReplicaLagCheck replica) {
    }

    /** The replica's lag check when replica.url is set (a SQLite ledger), else none. */
    private ReplicaLagCheck replicaLag(ReplicaSettings settings, OpeningDatabases opening) {
        Optional<Path> ledger = opening.dialect().file();
        if (settings.url().isEmpty() || ledger.isEmpty()) {
            return ReplicaLagCheck.NONE;
        }
        return new ReplicaLagCheck(() -> ReplicaStatus.of(ReplicaStores.at(settings.url().get()), ledger.get(),
                context.clock()), settings.maxLag(), context.clock());
    }

    /** Opens the exchange and runs the bot; failures end with what happened and the next step. */
    private void trade(BotConfiguration config, ReconcileSettings reconcile, Database db, Optional<Duration> limit,
                       CrashPoints crashPoints, Alerting alerting) throws InterruptedException {
        try (Exchanges.Opened venue = Exchanges.fromSettings(config.exchange(), context.env(), context.clock())) {
            LOG.info("ledger {} {}; exchange: {}", db.dialect().name(), db.dialect().location(), venue.description());
            Exchange exchange = venue.exchange();
            Ledger ledger = JdbcLedgers.on(db);
            Bot bot = new Bot(config.bot(), reconcile, ledger, exchange, context.clock(), crashPoints);
            try (AlertsWhileRunning alerts = AlertsWhileRunning.start(bot, ledger, alerting.settings(), config.db(),
                    alerting.backups(), alerting.replica(), context.env(), context.clock(), crashPoints)) {
                runAndReport(bot, exchange, config, limit);
            }
        } catch (CredentialsRejected e) {
            throw new TradevaultException(Outcome.FAILURE, "the exchange refused the API credentials: "
                    + e.getMessage(), "check TRADEVAULT_EXCHANGE_API_KEY / TRADEVAULT_EXCHANGE_API_SECRET or"
                    + " exchange.credentials-file", e);
        } catch (ExchangeException e) {
            throw new TradevaultException(Outcome.FAILURE, "the bot stopped: the exchange failed: " + e.getMessage(),
                    "stops already placed stay on the exchange; run 'tradevault run' again when it answers:"
                            + " it reconciles before trading", e);
        } catch (LedgerFailure e) {
            throw DatabaseProblem.failed("trading", db.dialect().location(), e);
        }
    }

    /** Runs the bot until done and prints its summary; a run that never traded fails with the reason. */
    private void runAndReport(Bot bot, Exchange exchange, BotConfiguration config, Optional<Duration> limit)
            throws InterruptedException {
        Bot.Summary summary = runUntilDone(bot, limit, () -> StopTypeCheck.require(exchange,
                config.bot().symbols(), config.bot().strategy()).forEach(l -> LOG.info("protective stop: {}", l)),
                Supervisor.fromEnvironment(context.env()));
        if (!summary.traded()) {
            throw neverTraded(summary);
        }
        print(summary, exchange.rules(config.bot().symbols().get(0)).quoteAsset());
    }

    private TradevaultException neverTraded(Bot.Summary summary) {
        String unprotected = summary.coverage().uncovered().isEmpty() ? ""
                : "; UNPROTECTED: " + summary.coverage().uncoveredNames();
        return new TradevaultException(Outcome.FAILURE, "the bot never started trading: the startup reconciliation"
                + " did not complete" + (runFor == null ? "" : " within --for " + runFor) + unprotected,
                "see the reconciliation report in the log (or run 'tradevault reconcile --dry-run'), fix what it"
                        + " names, then run 'tradevault run' again");
    }

    private Optional<Duration> limit() {
        if (runFor == null) {
            return Optional.empty();
        }
        return Optional.of(Durations.parseBetween(runFor, Duration.ofSeconds(1), Durations.LONGEST).orElseThrow(() ->
                new TradevaultException(Outcome.BAD_USAGE, "--for " + runFor + ": "
                        + Durations.rule(Duration.ofSeconds(1), Durations.LONGEST), "write it like 90s, 15m or 2h")));
    }

    private CrashPoints crashPoints() {
        try {
            if (crashAt == null) {
                return CrashPoints.NONE;
            }
            CrashPoints armed = CrashPoints.armedAt(crashAt);
            LOG.warn("test only: crash point {} armed by {}: this process halts there", crashAt, CrashPoints.OPTION);
            return armed;
        } catch (IllegalArgumentException e) {
            throw new TradevaultException(Outcome.BAD_USAGE, e.getMessage(), CrashPoints.USAGE);
        }
    }

    /** Runs the bot; a SIGTERM asks it to stop and waits for the current scan to finish. */
    private static Bot.Summary runUntilDone(Bot bot, Optional<Duration> limit, Runnable beforeTrading,
                                            Supervisor supervisor)
            throws InterruptedException {
        StopSignal stop = new StopSignal();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.request();
            awaitQuietly(finished);
        }, "tradevault-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return bot.run(limit, stop, beforeTrading, supervisor);
        } finally {
            finished.countDown();
            removeQuietly(hook);
        }
    }

    private static void awaitQuietly(CountDownLatch finished) {
        try {
            finished.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already stopping: the hook is running and lets it finish
        }
    }

    private void print(Bot.Summary s, String quoteAsset) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Stopped after " + s.scans() + " scans: " + count(s, Decision.Kind.ENTER) + " entries, "
                + count(s, Decision.Kind.EXIT) + " exits, " + count(s, Decision.Kind.HOLD) + " holds, "
                + count(s, Decision.Kind.SKIP) + " skips.");
        out.println("Realized P&L: " + s.realizedPnl().signed() + " " + quoteAsset + "; open positions: "
                + s.openPositions() + coverage(s.coverage()));
        out.println("See 'tradevault status' for positions, orders and the last decision.");
        out.flush();
    }

    /** Says "protected" only of positions whose stop the exchange acknowledged as open, and names the others. */
    static String coverage(StopCoverage c) {
        if (c.open() == 0) {
            return "";
        }
        if (c.uncovered().isEmpty()) {
            return " (protected by their stops on the exchange)";
        }
        return " (" + c.covered().size() + " protected by a stop the exchange acknowledged; UNPROTECTED: "
                + c.uncoveredNames() + ")";
    }

    private static int count(Bot.Summary s, Decision.Kind kind) {
        return s.decisions().getOrDefault(kind, 0);
    }
}
