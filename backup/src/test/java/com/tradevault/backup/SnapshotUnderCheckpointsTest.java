package com.tradevault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.db.Database;
import com.tradevault.core.db.Snapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte copy of file and log under the worst timing a writer can give it:
 * the writer checkpoints after almost every commit, so the log is backfilled
 * into the file and restarted from its beginning all the time while snapshots
 * are copied. Every snapshot must still be one committed state: whole trades
 * only, and a clean integrity check.
 */
class SnapshotUnderCheckpointsTest {

    private static final int SNAPSHOTS = 25;

    @TempDir
    Path dir;

    @Test
    void snapshotsTakenWhileTheLogIsBackfilledAndRestartedHoldWholeTransactionsOnly() throws Exception {
        LedgerFixture f = LedgerFixture.create(dir);
        f.addTrades(300);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong committed = new AtomicLong(300);
        AtomicReference<Throwable> writerFailed = new AtomicReference<>();
        Thread writer = new Thread(() -> LedgerFixture.commitUntilStopped(f, stop, committed, writerFailed), "writer");
        writer.start();
        List<Long> orders = new ArrayList<>();
        try (Database db = f.opening.openExisting()) {
            while (committed.get() < 320 && writerFailed.get() == null) {
                Thread.sleep(10);
            }
            for (int i = 0; i < SNAPSHOTS; i++) {
                Snapshot snapshot = db.dialect().maintenance()
                        .writeSnapshot(db, f.db, f.opening.key(), dir.resolve("snap-" + i + ".db"));
                snapshot.check().run();
                Map<String, Long> rows = snapshot.rowCounts();
                assertEquals(rows.get("orders"), rows.get("fills"), "snapshot " + i + " holds half a trade: " + rows);
                assertEquals(rows.get("orders"), rows.get("positions"), "snapshot " + i + ": " + rows);
                assertEquals(rows.get("orders"), rows.get("audit_log"), "snapshot " + i + ": " + rows);
                orders.add(rows.get("orders"));
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        assertEquals(null, writerFailed.get());
        assertTrue(orders.get(SNAPSHOTS - 1) > orders.get(0), "the writer committed between snapshots: " + orders);
        assertTrue(orders.get(0) >= 320 && orders.get(SNAPSHOTS - 1) <= committed.get(), orders + " of " + committed);
    }
}
