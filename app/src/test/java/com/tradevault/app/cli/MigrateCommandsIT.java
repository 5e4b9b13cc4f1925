package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.db.Database;
import com.tradevault.core.db.InstanceLock;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.PostgresServer;
import com.tradevault.core.testing.TestLedgers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** migrate-to-postgres and migrate-to-sqlite as the operator runs them, against a real PostgreSQL. */
class MigrateCommandsIT {

    private static final String LOCKED_NEXT = "next: stop it first (e.g. 'systemctl stop tradevault'), or wait for it"
            + " to finish\n";

    @TempDir
    Path dir;

    private Map<String, String> env;
    private String ledger;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void ledgerWithRows() throws Exception {
        env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        assertEquals(0, run("setup-db"), err::toString);
        ledger = dir.resolve("data/tradevault.db").toString();
        sql("INSERT INTO audit_log (id, event_type, data, created_at) VALUES (7, 'start', '{\"v\": 1.50}',"
                + " '2026-11-21T07:41:00.123456Z')",
                "INSERT INTO kv (key, value, updated_at) VALUES ('k', 'v', '2026-11-21T07:41:00.000001Z')");
        out.getBuffer().setLength(0);
    }

    @Test
    void migrateToPostgresCopiesVerifiesAndWritesTheReportNextToTheLedger() throws Exception {
        String pg = PostgresServer.shared().newDatabase();

        int code = run("migrate-to-postgres", "--target", pg, "--batch-size", "1");

        assertEquals(0, code, err::toString);
        assertEquals("", err.toString());
        String printed = out.toString();
        assertTrue(printed.startsWith("migrate-to-postgres: " + ledger + " -> " + pg + "\n"), printed);
        assertTrue(printed.contains("\n  audit_log                 1 -> 1          equal (checksum "), printed);
        assertTrue(printed.contains("\nVerified: 2 rows copied and compared in "), printed);
        try (Stream<Path> files = Files.list(dir.resolve("data"))) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().matches(
                    "tradevault\\.db\\.migrate-to-postgres\\.\\d{8}T\\d{6}Z\\.json")).count());
        }
        Map<String, String> sqliteEnv = env;
        env = new HashMap<>(env);
        env.put("TRADEVAULT_DB_URL", pg);
        out.getBuffer().setLength(0);
        assertEquals(0, run("status"), err::toString);
        assertTrue(out.toString().contains("backend:    PostgreSQL\n"), out::toString);
        assertTrue(out.toString().contains("schema:     v" + com.tradevault.core.testing.TestLedgers.latestSchemaVersion()
                + " (current)\n"), out::toString);
        env = sqliteEnv;
        assertEquals(0, run("migrate-to-sqlite", "--source", pg, "--target", dir.resolve("back.db").toString()),
                err::toString);
        assertTrue(out.toString().contains("Encrypted (SQLCipher 4) with the key from environment variable"
                + " TRADEVAULT_DB_KEY.\n"), out::toString);
    }

    @Test
    void aPasswordInTheTargetUrlIsNeverPrintedNorWrittenToTheReport() throws Exception {
        String pg = PostgresServer.shared().newDatabase() + "&password=hunter2";

        assertEquals(0, run("migrate-to-postgres", "--target", pg), err::toString);

        assertTrue(out.toString().contains("password=***"), out::toString);
        assertTrue(!out.toString().contains("hunter2") && !err.toString().contains("hunter2"), out::toString);
        try (Stream<Path> files = Files.list(dir.resolve("data"))) {
            for (Path report : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                assertTrue(!Files.readString(report).contains("hunter2"), report::toString);
            }
        }
    }

    @Test
    void migrateToPostgresRefusesWhileTheBotRuns() throws Exception {
        OpeningDatabases opening = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env));
        try (Database db = opening.openExisting(); InstanceLock bot = db.dialect().lockForWriting(db)) {
            int code = run("migrate-to-postgres", "--target", PostgresServer.shared().newDatabase());
            assertEquals(5, code);
            assertEquals("error: ledger " + ledger + " is in use by another tradevault process (PID "
                    + ProcessHandle.current().pid() + ")\n" + LOCKED_NEXT, err.toString());
        }
    }

    @Test
    void migrateToPostgresRefusesATargetWithData() throws Exception {
        String pg = PostgresServer.shared().newDatabase();
        try (Connection c = java.sql.DriverManager.getConnection(pg); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id int)");
        }
        assertEquals(1, run("migrate-to-postgres", "--target", pg));
        assertEquals("error: target " + pg + " is not empty: it has a table customers that is not part of the ledger;"
                + " nothing was copied\nnext: migrate into a new, empty database, or empty this one yourself if its"
                + " data is really not needed\n", err.toString());
    }

    @Test
    void migrateToPostgresStopsAtPreflightProblemsWithExitThree() throws Exception {
        sql("PRAGMA ignore_check_constraints = ON", "INSERT INTO kv (key, value, updated_at) VALUES ('bad', 'x',"
                + " 'yesterday')");
        String pg = PostgresServer.shared().newDatabase();

        assertEquals(3, run("migrate-to-postgres", "--target", pg, "--dry-run"));

        assertTrue(out.toString().contains("\n  problem: kv key 'bad', updated_at: 'yesterday' is not a UTC timestamp like"
                + " 2026-01-31T23:59:59.123456Z (stored as TEXT)\n"), out::toString);
        String err = this.err.toString();
        assertTrue(err.startsWith("error: preflight found 2 problem(s) in " + ledger + "; nothing was copied\n"
                + "next: fix or remove the rows listed above (all are in " + ledger + ".migrate-to-postgres."), err);
    }

    @Test
    void migrateToPostgresRejectsATargetThatIsNotPostgres() {
        assertEquals(2, run("migrate-to-postgres", "--target", "jdbc:sqlite:/tmp/x.db"));
        assertEquals("error: not a PostgreSQL URL: jdbc:sqlite:/tmp/x.db\nnext: give a JDBC URL such as"
                + " jdbc:postgresql://localhost:5432/tradevault (the password comes from TRADEVAULT_DB_PASSWORD,"
                + " db.password-file or ~/.pgpass, never from the URL)\n", err.toString());
    }

    @Test
    void batchSizeMustBePositive() {
        assertEquals(2, run("migrate-to-postgres", "--target", "jdbc:postgresql://localhost/x", "--batch-size", "0"));
        assertEquals("error: --batch-size 0: must be a whole number from 1 to 1000000\nnext: run 'tradevault"
                + " migrate-to-postgres --help' to see what it takes\n", err.toString());
    }

    @Test
    void migrateToSqliteRefusesAnExistingFile() throws Exception {
        Path existing = Files.writeString(dir.resolve("old.db"), "keep");
        assertEquals(1, run("migrate-to-sqlite", "--source", PostgresServer.shared().newDatabase(), "--target",
                existing.toString()));
        assertEquals("error: " + existing + " already exists; refusing to overwrite it\nnext: choose another --target"
                + " path, or move that file away yourself\n", err.toString());
    }

    @Test
    void migrateToPostgresRefusesALedgerAlreadyOnPostgres() {
        String pg = PostgresServer.shared().newDatabase();
        Map<String, String> onPostgres = new HashMap<>(env);
        onPostgres.put("TRADEVAULT_DB_URL", pg);
        env = onPostgres;
        assertEquals(2, run("migrate-to-postgres", "--target", pg));
        assertEquals("error: the configured ledger " + pg + " is already on PostgreSQL\nnext: migrate-to-postgres copies"
                + " a SQLite ledger; point db.url at it, or use migrate-to-sqlite for the way back\n", err.toString());
    }

    private int run(String... args) {
        CommandLine cl = new Cli(env, Clock.systemUTC()).commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private void sql(String... statements) throws Exception {
        OpeningDatabases opening = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env));
        try (Database db = opening.openExisting(); Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
