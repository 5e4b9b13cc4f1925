package com.tradevault.setup.migrate;

import com.tradevault.setup.db.Database;
import com.tradevault.setup.db.LedgerTables;
import com.tradevault.setup.db.RowWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies every ledger table from one database into another whose schema is
 * at the same version and whose tables are empty: tables in foreign-key
 * order, in batches through the target dialect's bulk writer, all in one
 * target transaction (a failure leaves the target's tables empty), id
 * generators advanced past the largest id. The source checksum is taken in
 * the same pass; {@link #verify} then reads the target back and compares.
 */
final class LedgerCopy {

    /** Tables read back at once during verification: the server and the checksums work in parallel. */
    private static final int VERIFY_THREADS = 2;

    private final Database source;
    private final Database target;
    private final int batchSize;
    private final Progress progress;
    private final AtomicLong rowsSeen = new AtomicLong();

    LedgerCopy(Database source, Database target, int batchSize, Progress progress) {
        this.source = source;
        this.target = target;
        this.batchSize = batchSize;
        this.progress = progress;
    }

    /** Rows per table of the source, in copy order. */
    Map<String, Long> sourceCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = source.connect(); Statement s = c.createStatement()) {
            for (LedgerTables.Table table : LedgerTables.ALL) {
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
     * Copies every table, checking each row as the preflight does before it
     * is written, while {@code databaseChecks} runs the source's own checks. After the first offending row nothing more is written but
     * the scan goes on, so that every offending row is reported, and the
     * target transaction is rolled back.
     */
    Copied copy(long totalRows, Future<List<Offense>> databaseChecks) throws SQLException {
        Map<String, TableDigest> digests = new LinkedHashMap<>();
        List<Offense> offenses = new ArrayList<>();
        progress.phase("copy", totalRows);
        try (Connection in = source.connect(); Connection out = target.connect()) {
            in.setAutoCommit(false);
            out.setAutoCommit(false);
            try {
                for (LedgerTables.Table table : LedgerTables.ALL) {
                    digests.put(table.name(), copyTable(in, out, table, offenses));
                }
                finish(out, offenses, databaseChecks);
            } catch (SQLException e) {
                out.rollback();
                explainOrThrow(e, offenses, databaseChecks);
            } catch (RuntimeException e) {
                out.rollback();
                throw e;
            } finally {
                in.rollback();
            }
        }
        progress.done();
        return new Copied(digests, offenses);
    }

    /**
     * A copy the server refused (an orphaned row fails its foreign key) is
     * explained by the source's own checks when they found something.
     */
    private static void explainOrThrow(SQLException e, List<Offense> offenses, Future<List<Offense>> databaseChecks)
            throws SQLException {
        List<Offense> found = await(databaseChecks);
        if (found.isEmpty()) {
            throw e;
        }
        offenses.addAll(0, found);
    }

    /** Commits only when every row passed and the source's own checks (run meanwhile) found nothing. */
    private static void finish(Connection out, List<Offense> offenses, Future<List<Offense>> databaseChecks)
            throws SQLException {
        offenses.addAll(0, await(databaseChecks));
        if (offenses.isEmpty()) {
            out.commit();
        } else {
            out.rollback();
        }
    }

    private TableDigest copyTable(Connection in, Connection out, LedgerTables.Table table, List<Offense> offenses)
            throws SQLException {
        RowReader reader = new RowReader(source.dialect(), table);
        TableDigest digest = new TableDigest(table);
        try (RowWriter writer = target.dialect().rowWriter(out, table, batchSize);
             Statement s = in.createStatement()) {
            s.setFetchSize(batchSize);
            try (ResultSet rows = s.executeQuery(reader.select())) {
                while (rows.next()) {
                    Object[] values = reader.read(rows, offenses::add);
                    Preflight.checkRow(table, values, () -> reader.key(rows), offenses::add);
                    if (offenses.isEmpty()) {
                        writer.add(values);
                        digest.add(values);
                    }
                    tick(rowsSeen.incrementAndGet());
                }
            }
            if (!offenses.isEmpty()) {
                return digest;
            }
        }
        target.dialect().advanceIdentity(out, table);
        return digest;
    }

    private void tick(long rows) {
        if (rows % 1000 == 0) {
            progress.advance(1000);
        }
    }

    /** A value the target holds that cannot be read back as its kind: verification cannot go on. */
    private static void refuse(List<Offense> offenses) throws SQLException {
        if (!offenses.isEmpty()) {
            throw new SQLException("cannot read back " + offenses.get(0).describe());
        }
    }

    /** Reads every table of the target back and compares rows and checksums with the source's. */
    List<TableResult> verify(Map<String, TableDigest> sourceDigests, long totalRows) throws SQLException {
        progress.phase("verify", totalRows);
        rowsSeen.set(0);
        ExecutorService readers = Executors.newFixedThreadPool(VERIFY_THREADS);
        try {
            List<Future<TableDigest>> digests = new ArrayList<>();
            for (LedgerTables.Table table : LedgerTables.ALL) {
                digests.add(readers.submit(() -> digest(table)));
            }
            List<TableResult> results = new ArrayList<>();
            for (int i = 0; i < digests.size(); i++) {
                TableDigest ours = sourceDigests.get(LedgerTables.ALL.get(i).name());
                TableDigest theirs = await(digests.get(i));
                results.add(new TableResult(LedgerTables.ALL.get(i).name(), ours.rows(), theirs.rows(), ours.hex(),
                        theirs.hex()));
            }
            progress.done();
            return results;
        } finally {
            readers.shutdownNow();
        }
    }

    /** The result of a task, with its SQLException (or other failure) thrown here. */
    static <T> T await(Future<T> task) throws SQLException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new SQLException(e.getCause());
        }
    }

    private TableDigest digest(LedgerTables.Table table) throws SQLException {
        try (Connection c = target.connect()) {
            c.setAutoCommit(false);
            try {
                return digest(c, table);
            } finally {
                c.rollback();
            }
        }
    }

    private TableDigest digest(Connection c, LedgerTables.Table table) throws SQLException {
        RowReader reader = new RowReader(target.dialect(), table);
        TableDigest digest = new TableDigest(table);
        List<Offense> offenses = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.setFetchSize(batchSize);
            try (ResultSet rows = s.executeQuery(reader.select())) {
                while (rows.next()) {
                    Object[] values = reader.read(rows, offenses::add);
                    refuse(offenses);
                    digest.add(values);
                    tick(rowsSeen.incrementAndGet());
                }
            }
        }
        return digest;
    }
}
