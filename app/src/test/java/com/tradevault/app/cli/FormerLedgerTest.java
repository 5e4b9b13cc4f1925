package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a ledger existed, setup-db creates no empty one, and an empty ledger file is a damaged ledger. */
class FormerLedgerTest {

    @TempDir
    Path dir;

    Map<String, String> env;
    Path ledger;
    Path data;

    @BeforeEach
    void ledger() {
        env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        data = dir.resolve("data");
        ledger = data.resolve("tradevault.db");
        assertEquals(0, CliRun.of(env, "setup-db").exitCode());
    }

    @Test
    void setupDbRefusesToReplaceALostLedgerThatHasBackupsAndNamesTheNewest() throws Exception {
        Path backup = takeBackup();
        Files.delete(ledger);

        CliRun run = CliRun.of(env, "setup-db");

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("error: there is no ledger at " + ledger + ", but there was one: 1 backup(s) of it are in "
                + data.resolve("backups") + "; setup-db does not create an empty ledger in its place\n"
                + "next: restore the newest: 'tradevault restore " + backup + "' (docs/backup-restore.md); to start"
                + " an empty ledger all the same, move those files out of " + data + " and " + data.resolve("backups")
                + " first\n", run.err());
        assertFalse(Files.exists(ledger));
    }

    @Test
    void setupDbRefusesToReplaceASetAsideLedgerAndSaysHowToPutItBack() throws Exception {
        Path aside = data.resolve("tradevault.db.20261121T074100Z.before-restore");
        Files.move(ledger, aside);

        CliRun run = CliRun.of(env, "setup-db");

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("error: there is no ledger at " + ledger + ", but there was one: the set-aside ledger " + aside
                + " is there; setup-db does not create an empty ledger in its place\n"
                + "next: put it back: 'mv " + aside + " " + ledger + "' (docs/backup-restore.md); to start an empty"
                + " ledger all the same, move those files out of " + data + " and " + data.resolve("backups")
                + " first\n", run.err());
        assertFalse(Files.exists(ledger));
    }

    @Test
    void setupDbRefusesWhereAHalfRestoredLedgerIs() throws Exception {
        Path half = data.resolve(".tradevault.db.restore.tmp");
        Files.move(ledger, half);

        CliRun run = CliRun.of(env, "setup-db");

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("error: there is no ledger at " + ledger + ", but there was one: a half-restored ledger " + half
                + " is there; setup-db does not create an empty ledger in its place\n"
                + "next: run the restore you started again: 'tradevault restore FILE' (docs/backup-restore.md); to"
                + " start an empty ledger all the same, move those files out of " + data + " and "
                + data.resolve("backups") + " first\n", run.err());
    }

    @Test
    void anEmptyLedgerFileIsDamagedEverywhereAndTheWayOutIsTheNewestBackup() throws Exception {
        Path backup = takeBackup();
        Files.write(ledger, new byte[0]);
        String expected = "error: the ledger " + ledger + " is empty (0 bytes): a ledger that existed and lost its"
                + " contents, not a new one\n"
                + "next: stop the bot, then restore the newest backup (verified when it was taken): 'tradevault"
                + " restore " + backup + "' (docs/backup-restore.md); only if this server never held a ledger,"
                + " delete the empty file and run 'tradevault setup-db'\n";

        for (String command : new String[] {"setup-db", "status", "run", "reconcile", "integrity"}) {
            CliRun run = CliRun.of(env, command);
            assertEquals(3, run.exitCode(), command + ": " + run.err());
            assertEquals(expected, run.err(), command);
        }
        assertEquals(0, Files.size(ledger));
    }

    private Path takeBackup() throws Exception {
        CliRun taken = CliRun.of(env, "backup");
        assertEquals(0, taken.exitCode(), taken.err());
        try (Stream<Path> files = Files.list(data.resolve("backups"))) {
            return files.filter(f -> f.toString().endsWith(".tar.gpg")).findFirst().orElseThrow();
        }
    }
}
