package com.tradevault.core.migrate;

import com.tradevault.core.Progress;
import com.tradevault.core.db.BulkLoad;
import com.tradevault.core.db.CatalogTable;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.LedgerTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Copies every ledger table from one database into another whose schema is
 * at the same version and whose tables are empty: tables in foreign-key
 * order, in batches through the target dialect's bulk writer, all in one
 * target transaction (a failure leaves the target's tables empty), id
 * generators advanced past the largest id. Several readers read slices of a
 * table at once, check every row as the preflight does and take the source
 * checksum in the same pass, while one connection writes ({@link TableCopy});
 * {@link #verify} then reads the target back, in slices too, and compares.
 */
final class LedgerCopy {

    /**
     * Connections reading at once, on each side, so that the server, SQLite
     * and the checksums work in parallel: one per core, two to three. More
     * readers than cores only add switching (measured on 2 cores: 3 readers
     * took more CPU for no shorter run; 1 reader left a core idle).
     */
    static final int READERS = Math.min(3, Math.max(2, Runtime.getRuntime().availableProcessors()));
    /** Connections a migration may hold on one database at once: readers, the writer or lock, the checks. */
    static final int CONNECTIONS = READERS + 3;

    private final Database source;
    private final Database target;
    private final int batchSize;
    private final Progress progress;

    LedgerCopy(Database source, Database target, int batchSize, Progress progress) {
        this.source = source;
        this.target = target;
        this.batchSize = batchSize;
        this.progress = progress;
    }

    /** Rows per table of the source, in copy order. */
    Map<String, Long> sourceCounts(List<LedgerTables.Table> tables) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = source.connect(); Statement s = c.createStatement()) {
            for (LedgerTables.Table table : tables) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table.name())) {
                    r.next();
                    counts.put(table.name(), r.getLong(1));
                }
            }
        }
        return counts;
    }

    /**
     * What the copy pass produced.
     *
     * @param digests  the source checksum of each table
     * @param offenses the rows that failed the row checks; when any did, nothing was committed
     */
    record Copied(Map<String, TableDigest> digests, List<Offense> offenses) {
    }

    /**
     * Copies {@code tables} (the source's, as {@link CopyPlan} placed them), checking each row as the preflight does before it
     * is written, and runs {@code databaseChecks} (the source's own checks)
     * while the target builds its indexes and checks its keys: then this
     * process has nothing else to do, so on a machine with few cores the
     * checks do not slow the copy. After the first offending row nothing more
     * is written but the scan goes on, so that every offending row is
     * reported, and the target transaction is rolled back.
     */
    Copied copy(List<LedgerTables.Table> tables, long totalRows, Callable<List<Offense>> databaseChecks)
            throws SQLException {
        progress.start("copy", Progress.Unit.ROWS, totalRows);
        try (SliceReaders in = SliceReaders.open(source, READERS); Connection out = target.connect();
             SourceChecks checks = new SourceChecks(databaseChecks)) {
            out.setAutoCommit(false);
            return inOneTransaction(in, out, tables, checks);
        } finally {
            progress.done();
        }
    }

    /** The copy in the target's transaction: committed when nothing offends, else rolled back. */
    private Copied inOneTransaction(SliceReaders in, Connection out, List<LedgerTables.Table> tables, SourceChecks checks)
            throws SQLException {
        Copied copied = new Copied(new LinkedHashMap<>(), new ArrayList<>());
        try {
            BulkLoad load = target.dialect().bulkCopy().startBulkLoad(out, tables);
            copyTables(in, out, tables, copied);
            checks.start();
            progress.done();
            progress.start("indexes, checks");
            if (copied.offenses().isEmpty()) {
                load.finish();
            }
            commitWhenClean(out, copied.offenses(), checks);
        } catch (SQLException e) {
            out.rollback();
            explainOrThrow(e, copied.offenses(), checks);
        } catch (RuntimeException e) {
            out.rollback();
            throw e;
        }
        return copied;
    }

    /** Each table in turn; a table's id generator is advanced past its largest id while no row has offended. */
    private void copyTables(SliceReaders in, Connection out, List<LedgerTables.Table> tables, Copied copied)
            throws SQLException {
        TableCopy tableCopy = new TableCopy(source, target, batchSize, new CopyHalt(), new RowTally(progress));
        for (LedgerTables.Table table : tables) {
            copied.digests().put(table.name(), tableCopy.copy(in, out, table, copied.offenses()));
            if (copied.offenses().isEmpty()) {
                target.dialect().bulkCopy().advanceIdentity(out, table);
            }
        }
    }

    /** Commits only when every row passed and the source's own checks (run meanwhile) found nothing. */
    private static void commitWhenClean(Connection out, List<Offense> offenses, SourceChecks checks)
            throws SQLException {
        offenses.addAll(0, checks.found());
        if (offenses.isEmpty()) {
            out.commit();
        } else {
            out.rollback();
        }
    }

    /**
     * A copy the server refused (an orphaned row fails its foreign key) is
     * explained by the source's own checks when they found something.
     */
    private static void explainOrThrow(SQLException e, List<Offense> offenses, SourceChecks checks)
            throws SQLException {
        List<Offense> found = checks.found();
        if (found.isEmpty() && offenses.isEmpty()) {
            throw e;
        }
        offenses.addAll(0, found);
    }

    /**
     * Reads the target back, in slices, and compares it with the source:
     * every table and column either catalog has (read again here, not taken
     * from the copy), rows and checksums ({@link TableComparison}).
     */
    List<TableResult> verify(Map<String, TableDigest> sourceDigests, long totalRows) throws SQLException {
        progress.start("verify", Progress.Unit.ROWS, totalRows);
        TableComparison comparison = new TableComparison(catalog(source), catalog(target));
        List<TableResult> results = comparison.results(sourceDigests,
                new ReadingBack(target, batchSize, progress).digests(comparison.readable()));
        progress.done();
        return results;
    }

    /** Every table of {@code database}, as its catalog describes it now. */
    static List<CatalogTable> catalog(Database database) throws SQLException {
        try (Connection c = database.connect()) {
            return database.dialect().bulkCopy().catalog(c);
        }
    }
}
