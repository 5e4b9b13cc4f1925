package com.tradevault.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema v8 (decisions of a symbol by id), applied to a ledger frozen at v7
 * with decisions of two symbols: the rows come through, the (symbol,
 * decided_at) index is gone, and a symbol's newest decisions and retention's
 * open run are read through the (symbol, rowid) index without a sort.
 */
class DecisionsBySymbolMigrationTest {

    @TempDir
    Path dir;

    @Test
    void aV7LedgerKeepsItsDecisionsAndReadsASymbolNewestFirstThroughTheSymbolIndex() throws Exception {
        OpeningDatabases opening = FrozenLedger.at(dir, 7, IntStream.range(0, 6).mapToObj(i -> "INSERT INTO"
                + " trade_decisions (symbol, decided_at, decision, skip_reason, payload) VALUES ('"
                + (i % 2 == 0 ? "BTCUSDT" : "ETHUSDT") + "', '2026-11-21T08:00:0" + i + ".000000Z', 'SKIP',"
                + " 'no-breakout', '{\"price\": " + i + "}')").toList());

        SettingUpDatabase.Report report = new SettingUpDatabase(opening, Clock.systemUTC()).run();

        assertEquals(7, report.from());
        try (Database db = opening.openExisting(); Connection c = db.connect(); Statement s = c.createStatement()) {
            assertEquals("6,4,2", one(s, "SELECT group_concat(id) FROM (SELECT id FROM trade_decisions"
                    + " WHERE symbol = 'ETHUSDT' ORDER BY id DESC)"));
            assertEquals("trade_decisions_symbol", one(s, "SELECT group_concat(name) FROM sqlite_master"
                    + " WHERE type = 'index' AND tbl_name = 'trade_decisions'"));
            assertEquals("SEARCH trade_decisions USING INDEX trade_decisions_symbol (symbol=? AND rowid<?)",
                    plan(s, "SELECT id FROM trade_decisions WHERE symbol = 'BTCUSDT' AND id <= 4"
                            + " AND decided_at <= '2027' ORDER BY id DESC LIMIT 1"));
            assertEquals("ok", one(s, "PRAGMA integrity_check"));
        }
    }

    /** The query plan, one line: a "USE TEMP B-TREE FOR ORDER BY" would show as a second step. */
    private static String plan(Statement s, String sql) throws SQLException {
        StringBuilder steps = new StringBuilder();
        try (ResultSet r = s.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
            while (r.next()) {
                steps.append(steps.length() == 0 ? "" : "; ").append(r.getString("detail"));
            }
        }
        return steps.toString();
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            assertTrue(r.next(), sql);
            return r.getString(1);
        }
    }
}
