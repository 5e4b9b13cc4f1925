package com.tradevault.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite writer: BEGIN IMMEDIATE / COMMIT as statements on an auto-commit
 * connection, and the work's statements kept for reuse between transactions.
 */
class SqliteWriterTransactionsTest {

    private static final String INSERT = "INSERT INTO orders (client_order_id, symbol, side, type, purpose, quantity_e8,"
            + " price_e8, status, created_at, updated_at) VALUES (?, 'BTCUSDT', 'BUY', 'LIMIT', 'ENTRY', 100000000, ?,"
            + " 'NEW', '2026-11-21T07:41:00.123456Z', '2026-11-21T07:41:00.123456Z') RETURNING id";

    @TempDir
    Path dir;

    private Database db;

    @BeforeEach
    void open() {
        db = TestLedgers.newEncryptedLedger(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long insert(Connection c, String clientId, long price) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, clientId);
            s.setLong(2, price);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                return r.getLong(1);
            }
        }
    }

    private List<String> orders() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, client_order_id, price_e8 FROM orders ORDER BY id")) {
            while (r.next()) {
                rows.add(r.getLong(1) + " " + r.getString(2) + " " + r.getLong(3));
            }
        }
        return rows;
    }

    @Test
    void aStatementReusedInLaterTransactionsBindsItsNewValuesAndReturnsNewIds() throws Exception {
        long first = db.transaction(c -> insert(c, "tv-1", 10));
        long second = db.transaction(c -> insert(c, "tv-2", 20));
        long third = db.transaction(c -> {
            long id = insert(c, "tv-3", 30);
            insert(c, "tv-4", 40);
            return id;
        });

        assertEquals(List.of(first + " tv-1 10", second + " tv-2 20", third + " tv-3 30", (third + 1) + " tv-4 40"),
                orders());
    }

    @Test
    void betweenTransactionsTheWriterHoldsNoLockSoAnotherConnectionCanWrite() throws Exception {
        db.transaction(c -> insert(c, "tv-1", 10));

        try (Connection other = db.connect(); Statement s = other.createStatement()) {
            s.execute("PRAGMA busy_timeout = 0");
            s.execute("BEGIN IMMEDIATE");
            s.execute("UPDATE orders SET price_e8 = 11");
            s.execute("COMMIT");
        }

        assertEquals(List.of("1 tv-1 11"), orders());
    }

    @Test
    void aTransactionWhoseStatementFailsLeavesNothingAndTheNextOneCommits() throws Exception {
        db.transaction(c -> insert(c, "tv-1", 10));

        SQLException failure = assertThrows(SQLException.class, () -> db.transaction(c -> {
            insert(c, "tv-2", 20);
            return insert(c, "tv-1", 30);
        }));
        db.transaction(c -> insert(c, "tv-3", 30));

        assertTrue(failure.getMessage().contains("UNIQUE constraint failed: orders.client_order_id"), failure.getMessage());
        assertEquals(List.of("1 tv-1 10", "2 tv-3 30"), orders());
    }

    @Test
    void workThatThrowsIsRolledBackAndTheWriterStaysUsable() throws Exception {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> db.transaction(c -> {
            insert(c, "tv-1", 10);
            throw new IllegalStateException("changed my mind");
        }));
        db.transaction(c -> insert(c, "tv-2", 20));

        assertEquals("changed my mind", failure.getMessage());
        assertEquals(List.of("1 tv-2 20"), orders());
    }

    @Test
    void aStatementClosedByItsCallerCannotBeUsedThroughThatReferenceAgain() throws Exception {
        PreparedStatement[] kept = new PreparedStatement[1];
        db.transaction(c -> {
            kept[0] = c.prepareStatement(INSERT);
            kept[0].close();
            return kept[0].isClosed();
        });

        SQLException failure = assertThrows(SQLException.class, () -> kept[0].setString(1, "tv-9"));

        assertTrue(kept[0].isClosed());
        assertEquals("statement is closed: " + INSERT, failure.getMessage());
    }

    @Test
    void aKeptStatementClosedThroughTheDriverIsNotHandedOutAgain() throws Exception {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.unwrap(PreparedStatement.class).close();
                return null;
            }
        });

        db.transaction(c -> insert(c, "tv-1", 10));

        assertEquals(List.of("1 tv-1 10"), orders());
    }

    @Test
    void theSameStatementOpenTwiceAtOnceGivesTwoIndependentStatements() throws Exception {
        db.transaction(c -> {
            try (PreparedStatement a = c.prepareStatement(INSERT); PreparedStatement b = c.prepareStatement(INSERT)) {
                a.setString(1, "tv-a");
                b.setString(1, "tv-b");
                a.setLong(2, 1);
                b.setLong(2, 2);
                a.executeQuery().close();
                b.executeQuery().close();
                return null;
            }
        });

        assertEquals(List.of("1 tv-a 1", "2 tv-b 2"), orders());
    }

    @Test
    void everyOrdersQueryOfTheBotIsAnsweredByAnIndex() throws Exception {
        List<String> where = List.of("client_order_id = 'tv-1'", "exchange_order_id = '42'",
                "status IN ('INTENT', 'NEW', 'PARTIALLY_FILLED')", "position_id = 7");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String condition : where) {
                try (ResultSet r = s.executeQuery("EXPLAIN QUERY PLAN SELECT * FROM orders WHERE " + condition)) {
                    assertTrue(r.next());
                    String plan = r.getString("detail");
                    assertTrue(plan.startsWith("SEARCH orders USING INDEX"), condition + ": " + plan);
                }
            }
        }
    }

    @Test
    void ordersKeepOnlyTheIndexesItsQueriesNeed() throws Exception {
        List<String> indexes = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT name FROM pragma_index_list('orders') ORDER BY name")) {
            while (r.next()) {
                indexes.add(r.getString(1));
            }
        }

        assertEquals(List.of("orders_position", "orders_status", "sqlite_autoindex_orders_1",
                "sqlite_autoindex_orders_2"), indexes);
    }
}
