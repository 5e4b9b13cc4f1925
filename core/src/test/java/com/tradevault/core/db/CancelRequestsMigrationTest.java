package com.tradevault.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema v2 (cancel requests recorded before they are sent), applied to a ledger frozen at v1. */
class CancelRequestsMigrationTest {

    @TempDir
    Path dir;

    @Test
    void aV1LedgerWithOrdersMigratesToV2KeepingThemAndTakingASnapshotFirst() throws Exception {
        OpeningDatabases opening = FrozenLedger.at(dir, 1, List.of("INSERT INTO orders (client_order_id, symbol,"
                + " side, type, purpose, quantity_e8, stop_price_e8, status, created_at, updated_at) VALUES ('tv-s-v1',"
                + " 'BTCUSDT', 'SELL', 'STOP_LOSS', 'STOP', 329000, 2995974000000, 'NEW',"
                + " '2026-11-21T08:00:00.000000Z', '2026-11-21T08:00:00.000000Z')"));

        SettingUpDatabase.Report report = new SettingUpDatabase(opening, Clock.systemUTC()).run();

        assertEquals(1, report.from());
        assertEquals(TestLedgers.latestSchemaVersion(), report.to());
        assertTrue(report.snapshot().isPresent(), "a snapshot of the v1 ledger is set aside first");
        try (Database db = opening.openExisting(); Connection c = db.connect(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT client_order_id, cancel_requested_at FROM orders")) {
                assertTrue(r.next());
                assertEquals("tv-s-v1", r.getString(1));
                assertNull(r.getString(2));
            }
            s.execute("UPDATE orders SET cancel_requested_at = '2026-11-21T08:00:01.000000Z'");
            assertThrows(SQLException.class, () -> s.execute("UPDATE orders SET cancel_requested_at = 'soon'"),
                    "the timestamp format is checked like every other timestamp column");
        }
    }
}
