package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.testing.TestLedgers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class CliTest {

    private static final int LATEST = TestLedgers.latestSchemaVersion();

    @TempDir
    Path dir;

    private Map<String, String> env() {
        return TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
    }

    private Path ledger() {
        return dir.resolve("data/tradevault.db");
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        CliRun run = CliRun.of(env(), "--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: tradevault [-hV] [COMMAND]"), run.out());
        for (String command : new String[] {"setup-db", "status", "config", "db"}) {
            assertTrue(run.out().contains("  " + command + " "), command + " missing from:\n" + run.out());
        }
        assertTrue(run.out().contains("Exit codes: 0 ok, 1 failure, 2 bad usage or configuration, 3 integrity problem,"));
    }

    @Test
    void aStartBuildsOnlyTheCommandItRunsAndItAnswersAsInTheWholeTree() {
        Cli cli = new Cli(env(), Clock.systemUTC());
        for (Class<?> command : TradevaultCommand.SUBCOMMANDS) {
            String name = command.getAnnotation(Command.class).name();
            assertEquals(Set.of(name), cli.commandLineFor(name, "--help").getSubcommands().keySet());
            for (String[] args : new String[][] {{name, "--help"}, {name, "--no-such-option"}}) {
                assertEquals(printed(cli.commandLine(), args), printed(cli.commandLineFor(args), args), name);
            }
        }
        assertEquals(TradevaultCommand.SUBCOMMANDS.size(), cli.commandLineFor("--version").getSubcommands().size());
        assertEquals(TradevaultCommand.SUBCOMMANDS.size(), cli.commandLineFor("stat").getSubcommands().size());
        assertEquals(TradevaultCommand.SUBCOMMANDS.size(), cli.commandLineFor().getSubcommands().size());
    }

    /** Exit code, standard output and standard error of one run. */
    private static String printed(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return code + "\n" + out + "\n" + err;
    }

    @Test
    void versionNamesTheBundle() {
        CliRun run = CliRun.of(env(), "--version");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().matches("tradevault \\d+\\.\\d+\\.\\d+\\nJava 17[^\\n]*\\n"), run.out());
    }

    @Test
    void unknownCommandIsBadUsage() {
        CliRun run = CliRun.of(env(), "frobnicate");

        assertEquals(2, run.exitCode());
        assertEquals("error: Unmatched argument at index 0: 'frobnicate'\n"
                + "next: run 'tradevault --help' to see what it takes\n", run.err());
    }

    @Test
    void setupDbThenSetupDbAgainThenStatus() {
        CliRun first = CliRun.of(env(), "setup-db");
        CliRun second = CliRun.of(env(), "setup-db");
        CliRun status = CliRun.of(env(), "status");

        assertEquals(0, first.exitCode(), first.err());
        assertEquals("Migrated ledger SQLite " + ledger() + " from v0 to v" + LATEST + "\n", first.out());
        assertEquals("Ledger SQLite " + ledger() + " is up to date at v" + LATEST + "; nothing changed\n", second.out());
        assertEquals(0, status.exitCode(), status.err());
        assertTrue(status.out().startsWith("ledger:     " + ledger() + "\nbackend:    SQLite\n"
                + "encrypted:  yes (SQLCipher 4), key from environment variable TRADEVAULT_DB_KEY\n"
                + "schema:     v" + LATEST + " (current)\nsize:       "), status.out());
    }

    @Test
    void firstSetupDbWithoutKeySourceSaysWhereTheNewKeyIs() {
        CliRun run = CliRun.of(TestLedgers.env(dir), "setup-db");

        Path key = dir.resolve("home/.config/tradevault/db.key");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Generated a new database key in key file " + key + " (mode 0600).\n"
                + "Keep a copy of it somewhere safe, away from this server: without it the ledger\n"
                + "and every backup of it are unreadable.\n"
                + "Migrated ledger SQLite " + ledger() + " from v0 to v" + LATEST + "\n", run.out());
    }

    @Test
    void statusJsonIsForScripts() {
        CliRun.of(env(), "setup-db");

        CliRun run = CliRun.of(env(), "status", "--json");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"backend\" : \"SQLite\""), run.out());
        assertTrue(run.out().contains("\"encrypted\" : true"), run.out());
        assertTrue(run.out().contains("\"schemaVersion\" : " + LATEST), run.out());
        assertFalse(run.out().contains(TestLedgers.KEY_HEX));
    }

    @Test
    void missingKeyExitsFourWithTheNextStep() {
        CliRun.of(env(), "setup-db");

        CliRun run = CliRun.of(TestLedgers.env(dir), "status");

        assertEquals(4, run.exitCode());
        assertEquals("error: no key is configured for the encrypted ledger " + ledger() + "\n"
                + "next: provide it through TRADEVAULT_DB_KEY_FILE, db.key-file, TRADEVAULT_DB_KEY or the systemd"
                + " credential db-key (see docs/security.md)\n", run.err());
    }

    @Test
    void fileThatIsNotADatabaseExitsThree() throws Exception {
        Files.createDirectories(ledger().getParent());
        Files.write(ledger(), new byte[1000]);

        CliRun run = CliRun.of(env(), "status");

        assertEquals(3, run.exitCode());
        assertEquals("error: " + ledger() + " is not a SQLite database (damaged or some other file)\n"
                + "next: move it aside and restore the latest backup: 'tradevault restore FILE'"
                + " (docs/backup-restore.md)\n", run.err());
    }

    @Test
    void invalidConfigurationExitsTwoListingEveryProblem() throws Exception {
        Path conf = dir.resolve("bad.conf");
        Files.writeString(conf, "db.encryption = maybe\ndb.busy-timeout = -3s\n");

        CliRun run = CliRun.of(env(), "config", "check", "--config", conf.toString());

        assertEquals(2, run.exitCode());
        assertEquals("error: invalid configuration:\n"
                + "  db.encryption = maybe: must be on or off\n"
                + "  db.busy-timeout = -3s: must be a duration from 1ms to 1h, such as 90s, 15m or 2h\n"
                + "next: fix these settings (see docs/configuration.md), then run 'tradevault config check'\n",
                run.err());
    }

    @Test
    void configCheckNamesTheKeySourceButNeverTheKey() {
        CliRun run = CliRun.of(env(), "config", "check");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("configuration OK\n  ledger:     SQLite " + ledger() + "\n"
                + "  encryption: on, key from environment variable TRADEVAULT_DB_KEY\n"
                + "  stops:      BTCUSDT STOP_LOSS_LIMIT\n"
                + "  dashboard:  http://127.0.0.1:8780/ ('tradevault dashboard' prints it with its token)\n"
                + "  alerts:     no channel configured (see docs/alerts.md)\n", run.out());
    }

    @Test
    void configShowRedactsSecrets() {
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX,
                "TRADEVAULT_DB_URL", "jdbc:postgresql://db/tv?user=tv&password=hunter2");

        CliRun run = CliRun.of(env, "config", "show");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("url=\"jdbc:postgresql://db/tv?user=tv&password=***\""), run.out());
        assertFalse(run.out().contains("hunter2"));
        assertFalse(run.out().contains(TestLedgers.KEY_HEX));
    }

    @Test
    void dbEncryptOnPostgresIsBadUsage() {
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_URL", "jdbc:postgresql://127.0.0.1:1/none");

        CliRun run = CliRun.of(env, "db", "encrypt");

        assertEquals(2, run.exitCode());
        assertEquals("error: the ledger at jdbc:postgresql://127.0.0.1:1/none is on PostgreSQL; tradevault encrypts"
                + " SQLite ledgers only\nnext: protect a PostgreSQL server with its own disk encryption"
                + " (docs/security.md)\n", run.err());
    }
}
