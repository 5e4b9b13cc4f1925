package com.tradevault.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.tradevault.app.bot.Bot;
import com.tradevault.app.exchange.ExchangeUnavailable;
import com.tradevault.app.exchange.UnknownOutcome;
import com.tradevault.app.exchange.wiring.Exchanges;
import com.tradevault.app.ledger.jdbc.JdbcLedgers;
import com.tradevault.app.reconciliation.Plan;
import com.tradevault.app.reconciliation.ReconcileSettings;
import com.tradevault.app.reconciliation.Reconciliation;
import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import com.tradevault.core.config.SettingsReader;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.InstanceLock;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.SchemaMigrations;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tradevault reconcile}: brings the ledger and the exchange into
 * agreement now, as the bot does on every start; with {@code --dry-run} it
 * prints the plan and changes nothing.
 */
@Command(name = "reconcile", description = {
        "Reconcile the ledger with the exchange now: settle order intents, record missing fills, place missing",
        "stops (trailing level recomputed from prices while the bot was down), report unknown orders and",
        "balance mismatches. Refuses while the bot runs (it reconciles by itself). Exit 1 if not settled."})
final class ReconcileCommand implements Callable<Integer> {

    /** Attempts before an unreachable exchange fails the command (the bot itself waits indefinitely). */
    private static final int ATTEMPTS = 4;

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--dry-run", description = "Print what would be done, change nothing (no lock taken).")
    boolean dryRun;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    ReconcileCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        SettingsReader reader = new SettingsReader(context.config(common));
        BotConfiguration config = BotConfiguration.read(reader);
        ReconcileSettings settings = ReconcileSettings.read(reader);
        reader.throwIfProblems();
        try (Database db = new OpeningDatabases(config.db(), context.keys()).openExisting()) {
            new SchemaMigrations(db).requireCurrent();
            if (dryRun) {
                return withExchange(config, settings, db);
            }
            try (InstanceLock lock = db.dialect().lockForWriting(db)) {
                return withExchange(config, settings, db);
            }
        }
    }

    private int withExchange(BotConfiguration config, ReconcileSettings settings, Database db)
            throws InterruptedException {
        try (Exchanges.Opened venue = Exchanges.fromSettings(config.exchange(), context.env(), context.clock());
             Reconciliation reconciliation = new Bot(config.bot(), settings, JdbcLedgers.on(db), venue.exchange(),
                     context.clock()).reconciliation()) {
            return dryRun ? printPlan(reconciliation.plan()) : reconcile(reconciliation, config);
        } catch (ExchangeUnavailable | UnknownOutcome e) {
            throw new TradevaultException(Outcome.FAILURE, "cannot reach the exchange after " + ATTEMPTS
                    + " attempts: " + e.getMessage() + "; every step already made is recorded in the ledger",
                    "check exchange.url / TRADEVAULT_EXCHANGE_URL and the network, then run 'tradevault reconcile'"
                    + " again", e);
        }
    }

    private int printPlan(Plan plan) {
        print(plan.summary(true), plan.reportLines(true));
        return 0;
    }

    private int reconcile(Reconciliation reconciliation, BotConfiguration config) throws InterruptedException {
        Reconciliation.Report report = reconciliation.untilSettled(config.bot().symbols(), ATTEMPTS,
                d -> {
                    Thread.sleep(d.toMillis());
                    return false;
                }).orElseThrow();
        Map<String, Object> data = new LinkedHashMap<>(report.first().summary(false));
        data.put("settled", report.settled());
        data.put("openPositionsAfter", report.openPositions());
        data.put("entriesBlocked", reconciliation.entriesBlocked());
        print(data, report.actions());
        return report.settled() ? 0 : 1;
    }

    private void print(Map<String, Object> data, List<String> lines) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(data));
        } else {
            lines.forEach(out::println);
        }
        out.flush();
    }

    private static String toJson(Map<String, Object> data) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the reconciliation report cannot be written as JSON", e);
        }
    }
}
