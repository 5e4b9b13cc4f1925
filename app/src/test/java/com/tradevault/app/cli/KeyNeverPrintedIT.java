package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure at each place a database key is handed to the driver (the connection that opens the
 * ledger, the {@code VACUUM INTO} copy, the re-key of that copy) never shows the key. The data
 * directory is a tmpfs with a handful of inodes, as on a full server: it needs root.
 * {@link KeyHandoffFailuresIT} covers the other places.
 */
class KeyNeverPrintedIT {

    private static final String NEW_KEY = "9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0";
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path dir;

    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            ForcedFaults.unmount(mounted);
        }
    }

    @Test
    void rekeyThatCannotCreateItsCopyNeverPrintsEitherKey() throws Exception {
        Map<String, String> env = ledgerOnTmpfs(5, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);

        CliRun run = CliRun.of(env, "db", "rekey", "--new-key-file", newKeyFile(NEW_KEY).toString());

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("error: re-encrypting the ledger failed on " + mounted.resolve("tradevault.db")
                + ": cannot create or open a file in " + mounted + " (SQLITE_CANTOPEN): its file system is out of"
                + " space or inodes, or the folder is not writable\n"
                + "next: free space there (df -h " + mounted + "; df -i " + mounted + "), then run the command"
                + " again\n", run.err());
        assertNoKeyIn(run, TestLedgers.KEY_HEX, NEW_KEY);
    }

    @Test
    void rekeyWhoseReKeyStepFailsNeverPrintsEitherKey() throws Exception {
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", PASSPHRASE);
        assertEquals(0, CliRun.of(env, "setup-db").exitCode());
        Path data = dir.resolve("data");
        Path journal = data.resolve("..tradevault.db.reencrypt.tmp.copy.tmp-journal");

        // the first journal is the VACUUM INTO's, the second the re-key's
        ForcedFaults.ChildRun run = ForcedFaults.underStrace(env, dir, journal, "openat", 2, "db", "rekey",
                "--new-key-file", newKeyFile(NEW_KEY).toString());

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("error: re-encrypting the ledger failed on " + data.resolve("tradevault.db")
                + ": cannot create or open a file in " + data + " (SQLITE_CANTOPEN): its file system is out of"
                + " space or inodes, or the folder is not writable\n"
                + "next: free space there (df -h " + data + "; df -i " + data + "), then run the command again\n",
                run.err());
        ForcedFaults.assertNoSecretIn(run, PASSPHRASE, NEW_KEY);
    }

    @Test
    void rekeyChecksFreeSpaceFirst() throws Exception {
        Map<String, String> env = ledgerOnTmpfs(100, "TRADEVAULT_DB_KEY", PASSPHRASE);
        long size = Files.size(mounted.resolve("tradevault.db"));
        Path filler = mounted.resolve("filler");
        Files.write(filler, new byte[(int) (Files.getFileStore(mounted).getUsableSpace() - size)]);
        long free = Files.getFileStore(mounted).getUsableSpace();

        CliRun run = CliRun.of(env, "db", "rekey", "--new-key-file", newKeyFile(NEW_KEY).toString());

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("error: not enough free space to re-encrypt the ledger: it needs " + 2 * size + " bytes in "
                + mounted + " (twice the ledger's size: the new copy and its re-key journal), and " + free
                + " bytes are free; nothing was changed\n"
                + "next: free some space there, then run the command again\n", run.err());
        assertNoKeyIn(run, PASSPHRASE, NEW_KEY);
    }

    @Test
    void encryptThatCannotCreateItsCopyNeverPrintsTheKey() throws Exception {
        Path conf = dir.resolve("tradevault.conf");
        Files.writeString(conf, "db.encryption = off\n");
        Map<String, String> env = new HashMap<>(ledgerOnTmpfs(5, "TRADEVAULT_CONFIG", conf.toString()));
        Files.writeString(conf, "db.encryption = on\n");
        env.put("TRADEVAULT_DB_KEY", PASSPHRASE);

        CliRun run = CliRun.of(env, "db", "encrypt");

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("error: encrypting the ledger failed on " + mounted.resolve("tradevault.db") + ": cannot create"
                + " or open a file in " + mounted + " (SQLITE_CANTOPEN): its file system is out of space or inodes, or"
                + " the folder is not writable\n"
                + "next: free space there (df -h " + mounted + "; df -i " + mounted + "), then run the command"
                + " again\n", run.err());
        assertNoKeyIn(run, PASSPHRASE);
    }

    @Test
    void wrongKeyAtOpenNeverPrintsTheKeyTried() throws Exception {
        Map<String, String> env = ledgerOnTmpfs(5, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);

        Map<String, String> wrong = new HashMap<>(env);
        wrong.put("TRADEVAULT_DB_KEY", PASSPHRASE);

        CliRun run = CliRun.of(wrong, "status");

        assertEquals(4, run.exitCode(), run.err());
        assertEquals("error: the key from environment variable TRADEVAULT_DB_KEY does not open "
                + mounted.resolve("tradevault.db") + ": wrong key, or not an encrypted tradevault ledger\n"
                + "next: use the key this ledger was created with (see docs/security.md, key recovery)\n", run.err());
        assertNoKeyIn(run, PASSPHRASE, TestLedgers.KEY_HEX);
    }

    /** A ledger set up by {@code setup-db} in a data directory on a tmpfs of {@code inodes} inodes. */
    private Map<String, String> ledgerOnTmpfs(int inodes, String... extraEnv) throws Exception {
        mounted = dir.resolve("data");
        ForcedFaults.tmpfs(mounted, inodes);
        Map<String, String> env = TestLedgers.env(dir, extraEnv);
        CliRun setup = CliRun.of(env, "setup-db");
        assertEquals(0, setup.exitCode(), setup.err());
        return env;
    }

    private Path newKeyFile(String key) throws Exception {
        Path file = dir.resolve("new.key");
        Files.writeString(file, key + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static void assertNoKeyIn(CliRun run, String... keys) {
        ForcedFaults.assertNoSecretIn(List.of(run.out(), run.err()), keys);
    }
}
