package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.PostgresServer;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real password path, in real processes: a PostgreSQL role that must
 * authenticate (SCRAM), its password given only in TRADEVAULT_DB_PASSWORD,
 * never in a process's arguments, and never printed or written to a report.
 */
class PostgresPasswordIT {

    @TempDir
    Path dir;

    private final String password = "pw-" + UUID.randomUUID();
    private final String role = "tv_pw_" + ProcessHandle.current().pid() + "_" + Math.abs(System.nanoTime() % 100_000);

    @Test
    void setupDbAuthenticatesWithThePasswordFromTheEnvironmentAndRefusesAWrongOneWithoutPrintingIt() throws Exception {
        String url = PostgresServer.shared().newDatabaseRequiringPassword(role, password);
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_URL", url);

        Ran wrong = tradevault(with(env, "TRADEVAULT_DB_PASSWORD", "wrong-" + password), "setup-db");
        Ran right = tradevault(with(env, "TRADEVAULT_DB_PASSWORD", password), "setup-db");

        assertEquals(1, wrong.code(), wrong.err());
        assertEquals("error: cannot connect to PostgreSQL at " + url + ": FATAL: password authentication failed for user \""
                + role + "\"\nnext: check that the server runs and the credentials (db.user, db.password-file,"
                + " TRADEVAULT_DB_PASSWORD or ~/.pgpass)\n", wrong.err());
        assertFalse(wrong.printed().contains(password), "the wrong password is not printed");
        assertEquals(0, right.code(), right.err());
        assertFalse(right.printed().contains(password), "the password is not printed");
    }

    @Test
    void migrateToPostgresAuthenticatesEveryConnectionWithThePasswordAndKeepsItOutOfTheReport() throws Exception {
        String url = PostgresServer.shared().newDatabaseRequiringPassword(role, password);
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        assertEquals(0, tradevault(env, "setup-db").code());
        try (Database db = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env)).openExisting();
             Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO kv (key, value, updated_at) VALUES ('k', 'v', '2026-11-21T07:41:00.000001Z')");
        }

        Ran migrated = tradevault(with(env, "TRADEVAULT_DB_PASSWORD", password), "migrate-to-postgres", "--target", url);

        assertEquals(0, migrated.code(), migrated.err());
        assertTrue(migrated.out().contains("Verified: 1 rows copied and compared"), migrated.out());
        assertFalse(migrated.printed().contains(password), "the password is not printed");
        try (Stream<Path> files = Files.list(dir.resolve("data"))) {
            List<Path> reports = files.filter(f -> f.toString().endsWith(".json")).toList();
            assertEquals(1, reports.size(), reports::toString);
            String report = Files.readString(reports.get(0));
            assertTrue(report.contains("\"result\""), report);
            assertFalse(report.contains(password), "the password is not in the report");
        }
    }

    @Test
    void pgUserIsNotReadByTheBotNorByTheBackupItsDumpLogsInAsTheBotDoes() throws Exception {
        // no user in the URL and no db.user: the driver logs in as the OS user, as docs/configuration.md says
        String osUser = System.getProperty("user.name");
        String url = PostgresServer.shared().newDatabaseRequiringPassword(osUser, password);
        Map<String, String> env = with(with(TestLedgers.env(dir, "TRADEVAULT_DB_URL", url.substring(0,
                url.indexOf('?'))), "TRADEVAULT_DB_PASSWORD", password), "PGUSER", "no_such_role");

        Ran setup = tradevault(env, "setup-db");
        Ran backup = tradevault(env, "backup");

        assertEquals(0, setup.code(), setup.err());
        assertEquals(0, backup.code(), backup.err());
        assertTrue(backup.out().contains("Backup written: "), backup.out());
        assertFalse(backup.printed().contains(password), "the password is not printed");
    }

    /** What one run of the command line as its own process printed. */
    private record Ran(int code, String out, String err) {
        String printed() {
            return out + err;
        }
    }

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> more = new HashMap<>(env);
        more.put(key, value);
        return more;
    }

    /** {@code tradevault args} in a new JVM whose environment (not its arguments) holds the secrets. */
    private Ran tradevault(Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("TRADEVAULT_") || k.startsWith("PG"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertFalse(p.info().arguments().map(List::of).orElse(List.of()).stream().anyMatch(a -> a.contains(password)),
                    "the password is not in the process's arguments");
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "tradevault " + String.join(" ", args) + " finished");
        } finally {
            p.destroyForcibly();
        }
        return new Ran(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
