package com.tradevault.core.migrate;

import com.tradevault.core.db.Database;
import com.tradevault.core.db.LedgerTables;
import com.tradevault.core.db.RowWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Copies one table: its slices read at once, each on a reader of its own
 * ({@link SliceReading}), their rows written as they come through one
 * connection in the target's transaction, until the copy is halted.
 */
final class TableCopy {

    private final Database source;
    private final Database target;
    private final int batchSize;
    private final CopyHalt halt;
    private final RowTally tally;

    TableCopy(Database source, Database target, int batchSize, CopyHalt halt, RowTally tally) {
        this.source = source;
        this.target = target;
        this.batchSize = batchSize;
        this.halt = halt;
        this.tally = tally;
    }

    /**
     * Copies {@code table}, read on {@code in} and written on {@code out}: its source checksum. Its offending
     * rows are added to {@code offenses} slice by slice as each reader's result comes in, so that a write
     * the server refuses afterwards still finds them there.
     */
    TableDigest copy(SliceReaders in, Connection out, LedgerTables.Table table, List<Offense> offenses)
            throws SQLException {
        List<Slice> slices = Slice.of(in.first(), table, in.size());
        Handover handover = new Handover(slices.size());
        SliceReading reading = new SliceReading(source, batchSize, halt, tally, handover);
        List<Future<SliceReading.Result>> parts = in.submit(slices, reading::read);
        TableDigest digest = new TableDigest(table);
        try (RowWriter writer = target.dialect().bulkCopy().rowWriter(out, table, batchSize)) {
            handover.drain(rows -> write(writer, rows));
            for (Future<SliceReading.Result> part : parts) {
                SliceReading.Result result = SliceReaders.await(part);
                digest.merge(result.digest());
                offenses.addAll(result.offenses());
            }
        }
        return digest;
    }

    private void write(RowWriter writer, List<Object[]> rows) throws SQLException {
        if (halt.halted()) {
            return;
        }
        for (Object[] row : rows) {
            writer.add(row);
        }
    }
}
