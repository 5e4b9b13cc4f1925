package com.tradevault.core.migrate;

import com.tradevault.core.Outcome;
import com.tradevault.core.Progress;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.DatabaseProblem;
import com.tradevault.core.db.RowCounts;
import com.tradevault.core.db.SchemaMigrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The steps both directions share, once the source is locked and the target
 * is open: refuse a target with data, place every table and column of the
 * source's catalog ({@link CopyPlan}), preflight, schema through the same
 * migrations as {@code setup-db}, check the plan against the target's
 * catalog, copy, verify, report.
 */
final class LedgerMove {

    private final String command;
    private final Database source;
    private final Database target;
    private final Clock clock;
    private final Function<Database, SchemaMigrations> migrations;
    private final Map<String, Double> phases = new java.util.LinkedHashMap<>();
    private long lapStart;

    LedgerMove(String command, Database source, Database target, Clock clock) {
        this(command, source, target, clock, SchemaMigrations::new);
    }

    /** With the migrations of each database given: tests add migrations of their own. */
    LedgerMove(String command, Database source, Database target, Clock clock,
               Function<Database, SchemaMigrations> migrations) {
        this.command = command;
        this.source = source;
        this.target = target;
        this.clock = clock;
        this.migrations = migrations;
    }

    MigrationReport run(boolean dryRun, int batchSize, Progress progress) {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        lapStart = startNanos;
        try {
            migrations.apply(source).requireCurrent();
            CopyPlan plan = CopyPlan.from(LedgerCopy.catalog(source));
            refuseNonEmptyTarget(plan);
            LedgerCopy copy = new LedgerCopy(source, target, batchSize, progress);
            Map<String, Long> counts = copy.sourceCounts(plan.tables());
            if (dryRun) {
                List<Offense> found = new ArrayList<>(plan.problems());
                found.addAll(Preflight.scan(source, plan.tables()));
                return planned(started, startNanos, true, found, counts);
            }
            return move(plan, copy, counts, started, startNanos);
        } catch (SQLException e) {
            throw DatabaseProblem.failed(command, source.dialect().location() + " -> " + target.dialect().location(), e);
        }
    }

    /** Schema, the plan checked against it, copy, verification; rows are written only when nothing is unplaced. */
    private MigrationReport move(CopyPlan sourcePlan, LedgerCopy copy, Map<String, Long> counts, Instant started,
                                 long startNanos) throws SQLException {
        CopyPlan plan = sourcePlan.problems().isEmpty() ? placedOnTarget(sourcePlan) : sourcePlan;
        if (!plan.problems().isEmpty()) {
            return planned(started, startNanos, false, plan.problems(), counts);
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        LedgerCopy.Copied copied = copy.copy(plan.tables(), total, () -> Preflight.databaseChecks(source, false));
        lap("copy");
        if (!copied.offenses().isEmpty()) {
            return planned(started, startNanos, false, copied.offenses(), counts);
        }
        List<TableResult> results = copy.verify(copied.digests(), total);
        lap("verify");
        boolean equal = results.stream().allMatch(TableResult::equal);
        return report(started, startNanos, false, equal ? MigrationReport.VERIFIED
                : MigrationReport.VERIFICATION_FAILED, List.of(), results, total);
    }

    /** The target's schema through the migrations, and the plan checked against the target's catalog. */
    private CopyPlan placedOnTarget(CopyPlan plan) throws SQLException {
        migrations.apply(target).migrate();
        migrations.apply(target).requireCurrent();
        CopyPlan placed = plan.against(LedgerCopy.catalog(target));
        lap("schema");
        return placed;
    }

    /**
     * A target is empty when it has no tables, or only tables of the source
     * (and {@link CopyPlan#EXCLUDED} ones) with no rows: a fresh setup-db.
     */
    private void refuseNonEmptyTarget(CopyPlan plan) throws SQLException {
        Map<String, Long> counts;
        try (Connection c = target.connect()) {
            counts = RowCounts.of(c);
        }
        for (Map.Entry<String, Long> table : counts.entrySet()) {
            boolean excluded = CopyPlan.EXCLUDED.containsKey(table.getKey());
            boolean foreign = !plan.inSource(table.getKey()) && !excluded;
            if (foreign || !excluded && table.getValue() > 0) {
                throw new DatabaseProblem(Outcome.FAILURE, "target " + target.dialect().location() + " is not empty: "
                        + (foreign ? "it has a table " + table.getKey() + " that is not part of the ledger"
                        : "table " + table.getKey() + " has " + table.getValue() + " rows") + "; nothing was copied",
                        "migrate into a new, empty database, or empty this one yourself if its data is really not needed");
            }
        }
    }

    private void lap(String phase) {
        long now = System.nanoTime();
        phases.put(phase, Math.round((now - lapStart) / 1e6) / 1000.0);
        lapStart = now;
    }

    /** The report of a run that copied nothing: a dry run, or one stopped by the preflight. */
    private MigrationReport planned(Instant started, long startNanos, boolean dryRun, List<Offense> offenses,
                                    Map<String, Long> counts) {
        List<TableResult> tables = counts.entrySet().stream()
                .map(e -> new TableResult(e.getKey(), e.getValue(), 0, "", "")).toList();
        return report(started, startNanos, dryRun, offenses.isEmpty() ? MigrationReport.DRY_RUN_PASSED
                : MigrationReport.PREFLIGHT_FAILED, offenses, tables, 0);
    }

    private MigrationReport report(Instant started, long startNanos, boolean dryRun, String result, List<Offense> offenses,
                                   List<TableResult> tables, long rows) {
        Instant finished = clock.instant();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return new MigrationReport(command, source.dialect().location(), target.dialect().location(),
                started.toString(), finished.toString(), dryRun, result, offenses, tables, rows, Map.copyOf(phases),
                Math.round(seconds * 1000) / 1000.0, seconds > 0 ? Math.round(rows / seconds) : 0);
    }
}
