package com.tradevault.setup.migrate;

import com.tradevault.setup.Progress;
import com.tradevault.setup.db.BulkLoad;
import com.tradevault.setup.db.CatalogTable;
import com.tradevault.setup.db.Database;
import com.tradevault.setup.db.LedgerTables;
import com.tradevault.setup.db.RowSource;
import com.tradevault.setup.db.RowWriter;
import com.tradevault.setup.db.UnexpectedValue;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies every ledger table from one database into another whose schema is
 * at the same version and whose tables are empty: tables in foreign-key
 * order, in batches through the target dialect's bulk writer, all in one
 * target transaction (a failure leaves the target's tables empty), id
 * generators advanced past the largest id. Several readers read slices of a
 * table at once, check every row as the preflight does and take the source
 * checksum in the same pass, while one connection writes; {@link #verify}
 * then reads the target back, in slices too, and compares.
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
    private static final int ROWS_PER_HANDOVER = 500;
    private static final List<Object[]> END = List.of();

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
        Map<String, TableDigest> digests = new LinkedHashMap<>();
        List<Offense> offenses = new ArrayList<>();
        progress.start("copy", Progress.Unit.ROWS, totalRows);
        ExecutorService checking = Executors.newSingleThreadExecutor();
        try (Readers in = Readers.open(source, READERS); Connection out = target.connect()) {
            out.setAutoCommit(false);
            Future<List<Offense>> checks = null;
            try {
                BulkLoad load = target.dialect().startBulkLoad(out, tables);
                for (LedgerTables.Table table : tables) {
                    digests.put(table.name(), copyTable(in, out, table, offenses));
                }
                checks = checking.submit(databaseChecks);
                progress.done();
                progress.start("indexes, checks");
                if (offenses.isEmpty()) {
                    load.finish();
                }
                finish(out, offenses, checks);
            } catch (SQLException e) {
                out.rollback();
                explainOrThrow(e, offenses, checks != null ? checks : checking.submit(databaseChecks));
            } catch (RuntimeException e) {
                out.rollback();
                throw e;
            }
        } finally {
            checking.shutdownNow();
            progress.done();
        }
        return new Copied(digests, offenses);
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

    /**
     * A copy the server refused (an orphaned row fails its foreign key) is
     * explained by the source's own checks when they found something.
     */
    private static void explainOrThrow(SQLException e, List<Offense> offenses, Future<List<Offense>> databaseChecks)
            throws SQLException {
        List<Offense> found = await(databaseChecks);
        if (found.isEmpty() && offenses.isEmpty()) {
            throw e;
        }
        offenses.addAll(0, found);
    }

    private TableDigest copyTable(Readers in, Connection out, LedgerTables.Table table, List<Offense> offenses)
            throws SQLException {
        List<Slice> slices = Slice.of(in.first(), table, in.size());
        BlockingQueue<List<Object[]>> handover = new ArrayBlockingQueue<>(4 * slices.size());
        AtomicBoolean offending = new AtomicBoolean(!offenses.isEmpty());
        List<Future<SliceResult>> parts = in.submit(slices, (c, slice) -> read(c, slice, handover, offending));
        TableDigest digest = new TableDigest(table);
        try (RowWriter writer = target.dialect().rowWriter(out, table, batchSize)) {
            for (int ended = 0; ended < slices.size(); ) {
                List<Object[]> rows = take(handover);
                if (rows == END) {
                    ended++;
                } else if (!offending.get()) {
                    for (Object[] row : rows) {
                        writer.add(row);
                    }
                }
            }
            for (Future<SliceResult> part : parts) {
                SliceResult result = await(part);
                digest.merge(result.digest());
                offenses.addAll(result.offenses());
            }
        }
        if (offenses.isEmpty()) {
            target.dialect().advanceIdentity(out, table);
        }
        return digest;
    }

    /** What one reader found in its slice. */
    record SliceResult(TableDigest digest, List<Offense> offenses) {
    }

    private SliceResult read(Connection c, Slice slice, BlockingQueue<List<Object[]>> handover, AtomicBoolean offending)
            throws Exception {
        try {
            BulkRead bulk = offending.get() ? BulkRead.NOT_DONE : readInBulk(c, slice, handover, offending);
            if (bulk.result().isPresent()) {
                return bulk.result().get();
            }
            SliceResult checked = readChecking(c, slice, handover, offending);
            if (checked.offenses().isEmpty() && bulk.stoppedBy().isPresent()) {
                // the two reads disagree about this slice: never commit on that
                return new SliceResult(checked.digest(), List.of(new Offense(slice.table().name(), "", "",
                        "the bulk read stopped (" + bulk.stoppedBy().get() + ") at something the row-by-row read"
                                + " accepts; nothing was copied")));
            }
            return checked;
        } finally {
            handover.put(END);
        }
    }

    /**
     * What the bulk read of a slice gave.
     *
     * @param result    the slice's checksum when every row passed and was handed over
     * @param stoppedBy otherwise, what this slice's read stopped at; empty when there was no bulk
     *                  reader or another slice had stopped
     */
    private record BulkRead(Optional<SliceResult> result, Optional<String> stoppedBy) {
        static final BulkRead NOT_DONE = new BulkRead(Optional.empty(), Optional.empty());
    }

    /**
     * The slice through the source's bulk reader, each row checked as the
     * preflight does. When a row has something to report (or another slice
     * had), nothing more is written and the slice is read again through a
     * {@code ResultSet} ({@link #readChecking}), which names every offending
     * row. The bulk read goes on to its end without writing, since on
     * PostgreSQL a {@code COPY} cut short would end the read transaction the
     * second read needs.
     */
    private BulkRead readInBulk(Connection c, Slice slice, BlockingQueue<List<Object[]>> handover,
                                AtomicBoolean offending) throws Exception {
        JsonColumns json = new JsonColumns(slice.table());
        Outgoing out = new Outgoing(slice.table(), handover);
        Optional<String> stoppedBy = Optional.empty();
        boolean clean = true;
        try {
            Optional<RowSource> bulk = source.dialect().bulkReader(c, slice.table(), slice.where());
            if (bulk.isEmpty()) {
                return BulkRead.NOT_DONE;
            }
            try (RowSource in = bulk.get()) {
                for (Object[] values = in.next(); values != null; values = in.next()) {
                    tick(rowsSeen.incrementAndGet());
                    if (clean) {
                        stoppedBy = problem(slice.table(), values, json);
                        clean = stoppedBy.isEmpty() && !offending.get();
                    }
                    if (clean) {
                        out.add(values);
                    }
                }
            }
        } catch (UnexpectedValue e) {
            // the reader itself stopped at a value of the wrong kind (SQLite, where stopping early is harmless)
            stoppedBy = Optional.of(e.getMessage());
            clean = false;
        }
        if (!clean) {
            offending.set(true);
            return new BulkRead(Optional.empty(), stoppedBy);
        }
        out.flush();
        return new BulkRead(Optional.of(new SliceResult(out.digest, List.of())), Optional.empty());
    }

    /** What is wrong with a row read in bulk, by the row checks; its JSON is put in canonical form on the way. */
    private static Optional<String> problem(LedgerTables.Table table, Object[] values, JsonColumns json)
            throws SQLException {
        try {
            json.canonical(values);
        } catch (UnexpectedValue e) {
            return Optional.of(e.getMessage());
        }
        List<Offense> found = new ArrayList<>();
        Preflight.checkRow(table, values, () -> "", found::add);
        return found.stream().findFirst().map(Offense::describe);
    }

    /** The slice through a {@code ResultSet}, every offending value and row reported. */
    private SliceResult readChecking(Connection c, Slice slice, BlockingQueue<List<Object[]>> handover,
                                     AtomicBoolean offending) throws Exception {
        RowReader reader = new RowReader(source.dialect(), slice.table());
        Outgoing out = new Outgoing(slice.table(), handover);
        List<Offense> offenses = Collections.synchronizedList(new ArrayList<>());
        try (Statement s = c.createStatement()) {
            s.setFetchSize(batchSize);
            try (ResultSet r = s.executeQuery(slice.select())) {
                while (r.next()) {
                    Object[] values = reader.read(r, offenses::add);
                    Preflight.checkRow(slice.table(), values, () -> reader.key(r), offenses::add);
                    if (!offenses.isEmpty()) {
                        offending.set(true);
                    }
                    if (!offending.get()) {
                        out.add(values);
                    }
                    tick(rowsSeen.incrementAndGet());
                }
            }
            out.flush();
        }
        return new SliceResult(out.digest, offenses);
    }

    /** A slice's rows on their way to the writer: checksummed, then handed over {@link #ROWS_PER_HANDOVER} at a time. */
    private static final class Outgoing {
        private final BlockingQueue<List<Object[]>> handover;
        private final TableDigest digest;
        private List<Object[]> rows = new ArrayList<>(ROWS_PER_HANDOVER);

        Outgoing(LedgerTables.Table table, BlockingQueue<List<Object[]>> handover) {
            this.handover = handover;
            this.digest = new TableDigest(table);
        }

        void add(Object[] values) throws InterruptedException {
            digest.add(values);
            rows.add(values);
            if (rows.size() == ROWS_PER_HANDOVER) {
                flush();
            }
        }

        void flush() throws InterruptedException {
            if (!rows.isEmpty()) {
                handover.put(rows);
                rows = new ArrayList<>(ROWS_PER_HANDOVER);
            }
        }
    }

    private static List<Object[]> take(BlockingQueue<List<Object[]>> handover) throws SQLException {
        try {
            return handover.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        }
    }

    private void tick(long rows) {
        if (rows % 1000 == 0) {
            progress.advance(1000);
        }
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
            return database.dialect().catalog(c);
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
}
