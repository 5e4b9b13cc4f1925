package com.tradevault.core.migrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.db.Database;
import com.tradevault.core.db.LedgerTables;
import com.tradevault.core.db.RowSource;
import com.tradevault.core.db.UnexpectedValue;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's bulk reader (a {@code json_array} per row) against the plain
 * {@code ResultSet} read the preflight uses: the same values for every row of
 * the adversarial ledger, and a stop at every value of the wrong kind.
 */
class BulkReadingSqliteTest {

    @TempDir
    Path dir;

    private Database db;

    @BeforeEach
    void ledger() {
        db = TestLedgers.newEncryptedLedger(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void everyValueOfTheAdversarialLedgerReadsAsThroughAResultSet() throws Exception {
        LedgerRows.adversarial(db);
        LedgerRows.ordinary(db);
        try (Connection c = db.connect()) {
            for (LedgerTables.Table table : LedgerRows.tables(db)) {
                List<Object[]> bulk = bulk(c, table, "");
                List<Object[]> checked = resultSet(c, table);
                assertEquals(checked.size(), bulk.size(), table.name());
                assertTrue(bulk.size() >= 2, table.name() + " should have rows");
                for (int i = 0; i < bulk.size(); i++) {
                    assertArrayEquals(checked.get(i), bulk.get(i), table.name() + " row " + i);
                }
            }
        }
    }

    /** Text columns turn numbers into text as they are stored (type affinity), so a number cannot be in one. */
    @Test
    void aValueOfTheWrongKindStopsTheBulkRead() throws Exception {
        String[][] wrong = {
            {"positions", "UPDATE positions SET quantity_e8 = 1.5 WHERE id = 7"},
            {"positions", "UPDATE positions SET quantity_e8 = '5 BTC' WHERE id = 7"},
            {"positions", "UPDATE positions SET symbol = x'00ff' WHERE id = 7"},
            {"positions", "UPDATE positions SET opened_at = '2026-13-45T00:00:00.000000Z' WHERE id = 7"},
            {"positions", "UPDATE positions SET opened_at = 1700000000 WHERE id = 7"},
            {"trade_decisions", "UPDATE trade_decisions SET payload = x'7b7d' WHERE id = 3"},
            {"trade_decisions", "UPDATE trade_decisions SET payload = '{\"a\": ' WHERE id = 3"},
        };
        LedgerRows.ordinary(db);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("PRAGMA ignore_check_constraints = ON");
            for (String[] change : wrong) {
                s.execute("SAVEPOINT wrong");
                s.execute(change[1]);
                LedgerTables.Table table = LedgerRows.tables(db).stream().filter(t -> t.name().equals(change[0]))
                        .findFirst().orElseThrow();
                assertThrows(UnexpectedValue.class, () -> bulk(c, table, ""), change[1]);
                s.execute("ROLLBACK TO wrong");
                s.execute("RELEASE wrong");
                assertEquals(1, bulk(c, table, "").size(), "after undoing " + change[1]);
            }
        }
    }

    private List<Object[]> bulk(Connection c, LedgerTables.Table table, String where) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        JsonColumns json = new JsonColumns(table);
        try (RowSource in = db.dialect().bulkCopy().bulkReader(c, table, where).orElseThrow()) {
            for (Object[] row = in.next(); row != null; row = in.next()) {
                rows.add(json.canonical(row));
            }
        }
        return rows;
    }

    private List<Object[]> resultSet(Connection c, LedgerTables.Table table) throws Exception {
        RowReader reader = new RowReader(db.dialect().values(), table);
        List<Offense> offenses = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(reader.select())) {
            while (r.next()) {
                rows.add(reader.read(r, offenses::add));
            }
        }
        assertEquals(List.of(), offenses);
        return rows;
    }
}
