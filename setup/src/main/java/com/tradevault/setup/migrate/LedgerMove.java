package com.tradevault.setup.migrate;

import com.tradevault.setup.Outcome;
import com.tradevault.setup.db.Database;
import com.tradevault.setup.db.DatabaseProblem;
import com.tradevault.setup.db.LedgerTables;
import com.tradevault.setup.db.RowCounts;
import com.tradevault.setup.db.SchemaMigrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The steps both directions share, once the source is locked and the target
 * is open: refuse a target with data, preflight, schema through the same
 * migrations as {@code setup-db}, copy, verify, report.
 */
final class LedgerMove {

    private static final String SCHEMA_HISTORY = "flyway_schema_history";

    private final String command;
    private final Database source;
    private final Database target;
    private final Clock clock;
    private final Map<String, Double> phases = new java.util.LinkedHashMap<>();
    private long lapStart;

    LedgerMove(String command, Database source, Database target, Clock clock) {
        this.command = command;
        this.source = source;
        this.target = target;
        this.clock = clock;
    }

    MigrationReport run(boolean dryRun, int batchSize, Progress progress) {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        lapStart = startNanos;
        try {
            new SchemaMigrations(source).requireCurrent();
            refuseNonEmptyTarget();
            LedgerCopy copy = new LedgerCopy(source, target, batchSize, progress);
            Map<String, Long> counts = copy.sourceCounts();
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            if (dryRun) {
                return planned(started, startNanos, true, Preflight.scan(source), counts);
            }
            new SchemaMigrations(target).migrate();
            new SchemaMigrations(target).requireCurrent();
            lap("schema");
            LedgerCopy.Copied copied = copy.copy(total, () -> Preflight.databaseChecks(source, false));
            lap("copy");
            if (!copied.offenses().isEmpty()) {
                return planned(started, startNanos, false, copied.offenses(), counts);
            }
            List<TableResult> results = copy.verify(copied.digests(), total);
            lap("verify");
            boolean equal = results.stream().allMatch(TableResult::equal);
            return report(started, startNanos, false, equal ? MigrationReport.VERIFIED
                    : MigrationReport.VERIFICATION_FAILED, List.of(), results, total);
        } catch (SQLException e) {
            throw DatabaseProblem.failed(command, source.dialect().location() + " -> " + target.dialect().location(), e);
        }
    }

    /** A target is empty when it has no tables, or only the ledger's tables with no rows (a fresh setup-db). */
    private void refuseNonEmptyTarget() throws SQLException {
        Set<String> ledger = LedgerTables.ALL.stream().map(LedgerTables.Table::name).collect(Collectors.toSet());
        Map<String, Long> counts;
        try (Connection c = target.connect()) {
            counts = RowCounts.of(c);
        }
        for (Map.Entry<String, Long> table : counts.entrySet()) {
            boolean foreign = !ledger.contains(table.getKey()) && !SCHEMA_HISTORY.equals(table.getKey());
            if (foreign || ledger.contains(table.getKey()) && table.getValue() > 0) {
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
