package com.tradevault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.Outcome;
import com.tradevault.core.Progress;
import com.tradevault.core.TradevaultException;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.RowCounts;
import com.tradevault.core.testing.PostgresServer;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On PostgreSQL: pg_dump from an exported snapshot, encrypted the same way; restore writes the dump out for pg_restore. */
class PostgresBackupIT {

    @TempDir
    Path dir;

    @Test
    void backupOfAPostgresLedgerIsAnEncryptedPgDumpThatPgRestoreLoads() throws Exception {
        LedgerFixture f = postgresLedger(PostgresServer.shared().newDatabase());

        TakingBackups.Report report = f.taking().take(Optional.empty(), Progress.NONE);

        assertTrue(report.verifiedEndToEnd());
        assertEquals("PostgreSQL", report.manifest().backend());
        assertEquals("tradevault.pgdump", report.manifest().snapshotName());
        assertEquals(12L, report.manifest().rowCounts().get("orders"));
        VerifyingBackups.Report verified = new VerifyingBackups(f.opening).verify(report.file(),
                f.keys.opening(Optional.empty()), Progress.NONE);
        assertFalse(verified.snapshotOpened());

        Path dump = dir.resolve("ledger.pgdump");
        RestoringBackups.Report restored = new RestoringBackups(f.opening, Clock.systemUTC()).restore(report.file(),
                f.keys.opening(Optional.empty()), Optional.of(dump), Progress.NONE);
        assertTrue(restored.isDump());
        String target = PostgresServer.shared().newDatabase();
        Processes.ok(List.of(pgRestore(), "--no-owner", "--dbname=" + target.substring("jdbc:".length()),
                dump.toString()), Map.of(), null);
        try (Connection c = DriverManager.getConnection(target)) {
            assertEquals(report.manifest().rowCounts(), RowCounts.of(c));
        }
    }

    @Test
    void restoreWithoutToRefusesToOverwriteAPostgresDatabase() throws Exception {
        LedgerFixture f = postgresLedger(PostgresServer.shared().newDatabase());
        TakingBackups.Report report = f.taking().take(Optional.empty(), Progress.NONE);

        TradevaultException e = assertThrows(TradevaultException.class, () -> new RestoringBackups(f.opening,
                Clock.systemUTC()).restore(report.file(), f.keys.opening(Optional.empty()), Optional.empty(), Progress.NONE));

        assertEquals(Outcome.BAD_USAGE, e.outcome());
        assertEquals("the ledger is on PostgreSQL at " + f.opening.dialect().location()
                + "; tradevault restore does not overwrite a PostgreSQL database", e.getMessage());
    }

    /** The ledger's own rules are trading's: app's LedgerInvariantsOnPostgresIT runs the real ones. */
    @Test
    void integrityOnPostgresRunsTheLedgerRulesItIsGivenAndSaysWhatItLeavesToTheServer() throws Exception {
        LedgerFixture f = postgresLedger(PostgresServer.shared().newDatabase());
        LedgerRules rules = c -> List.of(
                new LedgerRules.Finding("every fill belongs to an order", rows(c, "SELECT f.exchange_fill_id FROM fills f"
                        + " LEFT JOIN orders o ON o.id = f.order_id WHERE o.id IS NULL")),
                new LedgerRules.Finding("no fill at all", rows(c, "SELECT exchange_fill_id FROM fills ORDER BY id")));

        CheckingIntegrity.Report report = new CheckingIntegrity(f.opening, rules).check(false);

        assertFalse(report.clean());
        assertEquals(List.of(
                new CheckingIntegrity.Verdict("integrity_check", CheckingIntegrity.Status.SKIPPED,
                        "PostgreSQL checks its own pages; run pg_amcheck for B-tree checks"),
                new CheckingIntegrity.Verdict("foreign keys", CheckingIntegrity.Status.SKIPPED,
                        "PostgreSQL enforces foreign keys on every write"),
                new CheckingIntegrity.Verdict("full read", CheckingIntegrity.Status.SKIPPED,
                        "not applicable to PostgreSQL (enable data checksums on the server)"),
                new CheckingIntegrity.Verdict("every fill belongs to an order", CheckingIntegrity.Status.OK, "holds"),
                new CheckingIntegrity.Verdict("no fill at all", CheckingIntegrity.Status.PROBLEM,
                        "12 found: S1:1; S2:2; S3:3; S4:4; S5:5; ...")),
                report.verdicts());
    }

    private LedgerFixture postgresLedger(String url) throws Exception {
        Map<String, String> env = new HashMap<>(TestLedgers.env(dir, "TRADEVAULT_DB_URL", url));
        LedgerFixture f = LedgerFixture.create(dir, env);
        try (Database db = f.opening.openExisting()) {
            db.transaction(c -> {
                for (long id = 1; id <= 12; id++) {
                    insertTrade(c, id);
                }
                return null;
            });
        }
        return f;
    }

    private static void insertTrade(Connection c, long id) throws java.sql.SQLException {
        String t = "2026-11-21T07:41:00.123456Z";
        LedgerFixture.exec(c, "INSERT INTO positions (id, symbol, status, quantity_e8, entry_price_e8, highest_price_e8,"
                + " trail_kind, trail_e8, opened_at, updated_at) VALUES (?, ?, 'OPEN', 100000000, 42, 43, 'PERCENT', 3,"
                + " CAST(? AS timestamptz), CAST(? AS timestamptz))", id, "S" + id, t, t);
        LedgerFixture.exec(c, "INSERT INTO orders (id, client_order_id, position_id, symbol, side, type, purpose,"
                + " quantity_e8, executed_qty_e8, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'BUY', 'MARKET',"
                + " 'ENTRY', 100000000, 100000000, 'FILLED', CAST(? AS timestamptz), CAST(? AS timestamptz))",
                id, "tv-" + id, id, "S" + id, t, t);
        LedgerFixture.exec(c, "INSERT INTO fills (exchange_fill_id, order_id, price_e8, quantity_e8, filled_at)"
                + " VALUES (?, ?, 42, 100000000, CAST(? AS timestamptz))", "S" + id + ":" + id, id, t);
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }

    private static String pgRestore() throws Exception {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin/pg_restore")).filter(Files::isExecutable).sorted()
                    .reduce((a, b) -> b).orElseThrow().toString();
        }
    }
}
