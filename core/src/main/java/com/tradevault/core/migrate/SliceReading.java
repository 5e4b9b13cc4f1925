package com.tradevault.core.migrate;

import com.tradevault.core.db.Database;
import com.tradevault.core.db.LedgerTables;
import com.tradevault.core.db.RowSource;
import com.tradevault.core.db.UnexpectedValue;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The copy's reading of one slice of a table on one connection: every row
 * checked as the preflight does, checksummed and handed over to the writer.
 * First through the source's bulk reader; when that cannot give the slice
 * (no bulk reader, a row with something to report, or another slice has
 * halted the copy), through a {@code ResultSet}, which names every offending
 * row.
 */
final class SliceReading {

    /**
     * What one reader found in its slice.
     *
     * @param digest   the checksum of the slice's rows
     * @param offenses the rows that failed the row checks
     */
    record Result(TableDigest digest, List<Offense> offenses) {
    }

    private final Database source;
    private final int batchSize;
    private final CopyHalt halt;
    private final RowTally tally;
    private final Handover handover;

    SliceReading(Database source, int batchSize, CopyHalt halt, RowTally tally, Handover handover) {
        this.source = source;
        this.batchSize = batchSize;
        this.halt = halt;
        this.tally = tally;
        this.handover = handover;
    }

    /** Reads {@code slice} on {@code c}; its end is handed over however the read ends. */
    Result read(Connection c, Slice slice) throws Exception {
        try {
            BulkRead bulk = halt.halted() ? BulkRead.NOT_READ : readInBulk(c, slice);
            return bulk.resultOr(() -> readChecking(c, slice));
        } finally {
            handover.sliceEnded();
        }
    }

    /** The slice read again row by row. */
    @FunctionalInterface
    private interface CheckingRead {
        Result read() throws Exception;
    }

    /** What the bulk read of a slice gave: the slice's result, or a read row by row to get it. */
    @FunctionalInterface
    private interface BulkRead {

        /** No bulk reader, or another slice halted the copy: the row-by-row read gives the result. */
        BulkRead NOT_READ = CheckingRead::read;

        Result resultOr(CheckingRead checking) throws Exception;

        /** Every row passed and was handed over. */
        static BulkRead clean(Result result) {
            return checking -> result;
        }

        /** The read stopped at {@code why}: the row-by-row read must name that row too. */
        static BulkRead stopped(Slice slice, String why) {
            return checking -> {
                Result checked = checking.read();
                if (!checked.offenses().isEmpty()) {
                    return checked;
                }
                // the two reads disagree about this slice: never commit on that
                return new Result(checked.digest(), List.of(new Offense(slice.table().name(), "", "",
                        "the bulk read stopped (" + why + ") at something the row-by-row read accepts;"
                                + " nothing was copied")));
            };
        }
    }

    /**
     * The slice through the source's bulk reader. After a row with something
     * to report (or once another slice halted the copy) nothing more is
     * handed over, but the read goes on to its end, since on PostgreSQL a
     * {@code COPY} cut short would end the read transaction the row-by-row
     * read needs.
     */
    private BulkRead readInBulk(Connection c, Slice slice) throws Exception {
        try {
            Optional<RowSource> bulk = source.dialect().bulkCopy().bulkReader(c, slice.table(), slice.where());
            if (bulk.isEmpty()) {
                return BulkRead.NOT_READ;
            }
            try (RowSource in = bulk.get()) {
                BulkRead read = handOverWhileClean(in, slice);
                readToTheEnd(in);
                return read;
            }
        } catch (UnexpectedValue e) {
            // the reader itself stopped at a value of the wrong kind (SQLite, where stopping early is harmless)
            halt.halt();
            return BulkRead.stopped(slice, e.getMessage());
        }
    }

    /** Hands rows over until one has something to report or the copy is halted, and says which. */
    private BulkRead handOverWhileClean(RowSource in, Slice slice) throws Exception {
        JsonColumns json = new JsonColumns(slice.table());
        Handover.Outgoing out = handover.outgoing(slice.table());
        for (Object[] values = in.next(); values != null; values = in.next()) {
            tally.one();
            Optional<String> problem = problem(slice.table(), values, json);
            if (problem.isPresent()) {
                halt.halt();
                return BulkRead.stopped(slice, problem.get());
            }
            if (halt.halted()) {
                return BulkRead.NOT_READ;
            }
            out.add(values);
        }
        out.flush();
        return BulkRead.clean(new Result(out.digest(), List.of()));
    }

    private void readToTheEnd(RowSource in) throws SQLException {
        while (in.next() != null) {
            tally.one();
        }
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
    private Result readChecking(Connection c, Slice slice) throws Exception {
        RowReader reader = new RowReader(source.dialect().values(), slice.table());
        Handover.Outgoing out = handover.outgoing(slice.table());
        List<Offense> offenses = Collections.synchronizedList(new ArrayList<>());
        try (Statement s = c.createStatement()) {
            s.setFetchSize(batchSize);
            try (ResultSet r = s.executeQuery(slice.select())) {
                while (r.next()) {
                    Object[] values = reader.read(r, offenses::add);
                    Preflight.checkRow(slice.table(), values, () -> reader.key(r), offenses::add);
                    if (!offenses.isEmpty()) {
                        halt.halt();
                    }
                    if (!halt.halted()) {
                        out.add(values);
                    }
                    tally.one();
                }
            }
            out.flush();
        }
        return new Result(out.digest(), offenses);
    }
}
