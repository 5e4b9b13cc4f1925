package com.tradevault.core.migrate;

import com.tradevault.core.db.LedgerTables;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The rows of one table on their way from its slice readers, each on its own
 * thread, to the one connection that writes them: batches of
 * {@link #ROWS_PER_BATCH}, and the end of each slice, in a bounded queue, so
 * that readers wait while the writer is behind.
 */
final class Handover {

    private static final int ROWS_PER_BATCH = 500;

    /** What a reader puts in the queue. */
    private sealed interface Parcel permits Batch, SliceEnd {
    }

    /** Rows for the writer, in the order read. */
    private record Batch(List<Object[]> rows) implements Parcel {
    }

    /** One slice's reader has put in all it will. */
    private record SliceEnd() implements Parcel {
    }

    /** What the writer does with a batch. */
    @FunctionalInterface
    interface BatchWriter {
        void write(List<Object[]> rows) throws SQLException;
    }

    private final BlockingQueue<Parcel> queue;
    private final int slices;

    Handover(int slices) {
        this.queue = new ArrayBlockingQueue<>(4 * slices);
        this.slices = slices;
    }

    /** Where one slice's reader puts its rows of {@code table}. */
    Outgoing outgoing(LedgerTables.Table table) {
        return new Outgoing(table);
    }

    /** One slice's reader has put in all it will; the writer waits for every slice's end. */
    void sliceEnded() throws InterruptedException {
        queue.put(new SliceEnd());
    }

    /** Gives every batch to {@code writer} as it comes, until every slice has ended. */
    void drain(BatchWriter writer) throws SQLException {
        for (int ended = 0; ended < slices; ) {
            Parcel parcel = take();
            if (parcel instanceof Batch batch) {
                writer.write(batch.rows());
            } else {
                ended++;
            }
        }
    }

    private Parcel take() throws SQLException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        }
    }

    /** One slice's rows on their way to the writer: checksummed, then handed over a batch at a time. */
    final class Outgoing {
        private final TableDigest digest;
        private List<Object[]> rows = new ArrayList<>(ROWS_PER_BATCH);

        private Outgoing(LedgerTables.Table table) {
            this.digest = new TableDigest(table);
        }

        void add(Object[] values) throws InterruptedException {
            digest.add(values);
            rows.add(values);
            if (rows.size() == ROWS_PER_BATCH) {
                flush();
            }
        }

        /** Hands over what is left; the slice's checksum is then complete. */
        void flush() throws InterruptedException {
            if (!rows.isEmpty()) {
                queue.put(new Batch(rows));
                rows = new ArrayList<>(ROWS_PER_BATCH);
            }
        }

        /** The checksum of every row added. */
        TableDigest digest() {
            return digest;
        }
    }
}
