package com.tradevault.app.cli;

import com.tradevault.app.ledger.jdbc.JdbcLedgers;
import com.tradevault.app.retention.FoldingHistory;
import com.tradevault.app.retention.RetentionSettings;
import com.tradevault.backup.BackupCatalog;
import com.tradevault.backup.BackupSettings;
import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.config.SettingsReader;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.SchemaMigrations;
import com.tradevault.backup.replica.ReplicaCoverage;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tradevault db compact}: retention on demand. */
@Command(name = "compact", description = {
        "Fold old runs of identical SKIP/HOLD decisions (older than retention.decision-detail) and of identical",
        "audit entries (older than retention.audit-detail) into one row each, with their count and time span.",
        "ENTER and EXIT decisions are kept for ever; nothing newer than the newest verified backup in backup.dir",
        "(or, if later, than what the replica holds in an authenticated generation) is touched. Then packs the",
        "SKIP and HOLD decisions that are left and safe in the same way into compressed decision packs, whole",
        "(retention.decision-packs). Runs beside the bot, in small transactions. The running bot does the same",
        "every retention.interval."})
final class DbCompactCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    DbCompactCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        SettingsReader reader = new SettingsReader(context.config(common));
        DbSettings db = DbSettings.read(reader);
        BackupSettings backups = BackupSettings.read(reader, db);
        RetentionSettings retention = RetentionSettings.read(reader);
        reader.throwIfProblems();
        BackupCatalog catalog = new BackupCatalog(backups.dir());
        OpeningDatabases opening = new OpeningDatabases(db, context.keys());
        Supplier<Optional<Instant>> replicated = ReplicaCoverage.verifiedPointsOf(context.replicaSettings(common),
                opening);
        if (catalog.list().isEmpty() && context.replicaSettings(common).url().isEmpty()) {
            throw new TradevaultException(Outcome.FAILURE, "nothing was compacted: there is no verified backup in "
                    + catalog.dir() + ", and retention never folds rows that are not in one",
                    "take one with 'tradevault backup', then run 'tradevault db compact' again");
        }
        try (Database database = opening.openExisting()) {
            new SchemaMigrations(database).requireCurrent();
            FoldingHistory.Report r = new FoldingHistory(JdbcLedgers.on(database), retention, catalog, replicated,
                    context.clock()).run();
            print(r, database.dialect().location());
        }
        return 0;
    }

    private void print(FoldingHistory.Report r, String location) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Compacted the ledger " + location + ".");
        r.backup().ifPresent(b -> out.println("  bounded by: the verified backup " + b.file().getFileName()
                + " (taken " + b.takenAt() + ")"));
        r.replicated().ifPresent(t -> out.println("  bounded by: the replica, shipped up to " + t));
        out.println("  decisions:  " + line(r.decisions(), "decided"));
        out.println("  audit log:  " + line(r.audit(), "written"));
        out.println("  packed:     decisions before " + r.packed().before() + ": " + r.packed().read() + " read, "
                + r.packed().removed() + " SKIP and HOLD packed whole into decision packs");
        out.println("  took:       " + String.format(Locale.ROOT, "%.1f s", r.took().toMillis() / 1000.0));
        out.println("The file keeps its size: new rows reuse the freed pages ('tradevault vacuum' gives them back"
                + " to the disk).");
    }

    private static String line(FoldingHistory.Tally t, String verb) {
        return "rows " + verb + " before " + t.before() + ": " + t.read() + " read, " + t.removed()
                + " folded into the first row of their run";
    }
}
