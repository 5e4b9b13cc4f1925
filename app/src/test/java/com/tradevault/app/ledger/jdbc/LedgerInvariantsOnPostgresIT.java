package com.tradevault.app.ledger.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.backup.CheckingIntegrity;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.SettingUpDatabase;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.PostgresServer;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's invariants run unchanged on PostgreSQL, inside {@code tradevault integrity}'s check (backup's
 * PostgresBackupIT asserts what that check leaves to the server).
 */
class LedgerInvariantsOnPostgresIT {

    @TempDir
    Path dir;

    @Test
    void integrityOnPostgresRunsTheLedgerInvariants() throws Exception {
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_URL", PostgresServer.shared().newDatabase());
        OpeningDatabases opening = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env));
        new SettingUpDatabase(opening, Clock.systemUTC()).run();
        try (Database db = opening.openExisting()) {
            db.transaction(c -> {
                for (long id = 1; id <= 12; id++) {
                    insertTrade(c, id);
                }
                return null;
            });
        }

        CheckingIntegrity.Report report = new CheckingIntegrity(opening, new LedgerInvariants()).check(false);

        assertTrue(report.clean());
        assertEquals(List.of(
                new CheckingIntegrity.Verdict("every fill belongs to an order", CheckingIntegrity.Status.OK, "holds"),
                new CheckingIntegrity.Verdict("no order has more filled than it asked for", CheckingIntegrity.Status.OK, "holds"),
                new CheckingIntegrity.Verdict("open position quantities equal their fills", CheckingIntegrity.Status.OK, "holds"),
                new CheckingIntegrity.Verdict("every decision pack holds the decisions its row says",
                        CheckingIntegrity.Status.OK, "holds"),
                new CheckingIntegrity.Verdict("no decision is both packed and a row", CheckingIntegrity.Status.OK,
                        "holds")),
                report.verdicts().subList(3, report.verdicts().size()), "after the three checks PostgreSQL does itself");
    }

    private static void insertTrade(Connection c, long id) throws SQLException {
        String t = "2026-11-21T07:41:00.123456Z";
        exec(c, "INSERT INTO positions (id, symbol, status, quantity_e8, entry_price_e8, highest_price_e8,"
                + " trail_kind, trail_e8, opened_at, updated_at) VALUES (?, ?, 'OPEN', 100000000, 42, 43, 'PERCENT', 3,"
                + " CAST(? AS timestamptz), CAST(? AS timestamptz))", id, "S" + id, t, t);
        exec(c, "INSERT INTO orders (id, client_order_id, position_id, symbol, side, type, purpose,"
                + " quantity_e8, executed_qty_e8, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'BUY', 'MARKET',"
                + " 'ENTRY', 100000000, 100000000, 'FILLED', CAST(? AS timestamptz), CAST(? AS timestamptz))",
                id, "tv-" + id, id, "S" + id, t, t);
        exec(c, "INSERT INTO fills (exchange_fill_id, order_id, price_e8, quantity_e8, filled_at)"
                + " VALUES (?, ?, 42, 100000000, CAST(? AS timestamptz))", "S" + id + ":" + id, id, t);
    }

    private static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.execute();
        }
    }
}
