package com.tradevault.app.cli;

import static com.tradevault.app.cli.ForcedFaults.assertFailure;
import static com.tradevault.app.cli.ForcedFaults.assertNoSecretIn;
import static com.tradevault.app.cli.ForcedFaults.child;
import static com.tradevault.app.cli.ForcedFaults.underStrace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.cli.ForcedFaults.ChildRun;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.PostgresServer;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every place a database key reaches the driver, made to fail in a real {@code tradevault} process
 * (a tmpfs with a handful of inodes, or one {@code openat} failed by strace): the exit code and the
 * exact report, and no key, passphrase or {@code x'…'} blob in stdout or stderr (log lines and,
 * with {@code --verbose}, the stack trace included). {@link KeyNeverPrintedIT} covers the copy and
 * re-key steps of {@code db rekey} and the copy of {@code db encrypt}. Needs root.
 */
class KeyHandoffFailuresIT {

    private static final String NEW_KEY = "9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0";
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final String STAMP = "\\d{8}T\\d{6}Z";

    @TempDir
    Path dir;

    private final List<Path> mounts = new ArrayList<>();

    @AfterEach
    void unmount() throws Exception {
        for (int i = mounts.size() - 1; i >= 0; i--) {
            ForcedFaults.unmount(mounts.get(i));
        }
    }

    @ParameterizedTest(name = "{0} under a {1} key")
    @CsvSource({"status, raw", "integrity, passphrase", "report, raw", "run, passphrase", "migrate-to-postgres, raw"})
    void openingTheLedgerThatCannotStartItsLogNeverPrintsTheKey(String command, String kind) throws Exception {
        String key = kind.equals("raw") ? TestLedgers.KEY_HEX : PASSPHRASE;
        Map<String, String> env = ledger(key);
        String[] args = switch (command) {
            case "report" -> new String[] {"report", "--out", dir.resolve("r.html").toString()};
            case "run" -> new String[] {"run", "--for", "5s"};
            case "migrate-to-postgres" -> new String[] {command, "--target", PostgresServer.shared().newDatabase()};
            default -> new String[] {command};
        };

        assertFailsWithoutSecrets(extra -> underStrace(env, dir, data().resolve("tradevault.db-wal"), "openat", 1,
                with(args, extra)), 1, cannotCreate(q("opening the ledger"), q(data().resolve("tradevault.db")),
                q(data())), key);
    }

    @Test
    void backupWhoseCopyCannotBeOpenedNeverPrintsTheKeyOrThePassphrase() throws Exception {
        Map<String, String> env = ledger(TestLedgers.KEY_HEX);
        String backupPassphrase = firstBackup(env);
        // the root, the lock, the copy: its log finds no inode when the copy is opened to recover it
        Path dest = mount("dest", 4);

        assertFailsWithoutSecrets(extra -> child(env, dir, with(new String[] {"backup", "--dest", dest.toString()},
                extra)), 1, cannotCreate(q("opening the ledger"), q(dest + "/..tradevault-") + STAMP
                + q(".tar.gpg.snapshot.tmp.copy.tmp"), q(dest)), TestLedgers.KEY_HEX, backupPassphrase);
        try (Stream<Path> left = Files.list(dest)) {
            assertEquals(List.of(dest.resolve(".backup.lock")), left.toList());
        }
    }

    @Test
    void backupWhoseSnapshotCannotBeOpenedForItsCheckNeverPrintsTheKeyOrThePassphrase() throws Exception {
        Map<String, String> env = ledger(PASSPHRASE);
        String backupPassphrase = firstBackup(env);
        Path dest = Files.createDirectories(dir.resolve("dest"));

        assertFailsWithoutSecrets(extra -> underStrace(env, dir, snapshotLogsFromNow(dest), "openat", 1,
                with(new String[] {"backup", "--dest", dest.toString()}, extra)), 1,
                cannotCreate(q("opening the ledger"), q(dest + "/.tradevault-") + STAMP + q(".tar.gpg.snapshot.tmp"),
                        q(dest)), PASSPHRASE, backupPassphrase);
        try (Stream<Path> left = Files.list(dest)) {
            assertEquals(List.of(dest.resolve(".backup.lock")), left.toList());
        }
    }

    @Test
    void setupDbWhoseSnapshotBeforeAnUpgradeCannotBeWrittenNeverPrintsTheKey() throws Exception {
        // the root, the ledger, its lock, -wal and -shm: the snapshot finds no inode
        mount("data", 5);
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        ledgerAtVersionOne(env);

        assertFailsWithoutSecrets(extra -> child(env, dir, with(new String[] {"setup-db"}, extra)), 1,
                cannotCreate(q("taking a snapshot to " + data().resolve("tradevault.db.")) + STAMP
                        + q(".before-upgrade-from-v1"), q(data().resolve("tradevault.db")), q(data())),
                TestLedgers.KEY_HEX);
    }

    @Test
    void restoreWhoseRestoredCopyCannotBeOpenedNeverPrintsTheKeyOrThePassphrase() throws Exception {
        Map<String, String> env = ledger(PASSPHRASE);
        String backupPassphrase = firstBackup(env);
        Path backup = onlyBackup();
        Path temp = data().resolve(".tradevault.db.restore.tmp");

        assertFailsWithoutSecrets(extra -> underStrace(env, dir, Path.of(temp + "-wal"), "openat", 1,
                with(new String[] {"restore", backup.toString()}, extra)), 1, cannotCreate(q("opening the ledger"),
                q(temp), q(data())), PASSPHRASE, backupPassphrase);
        try (Stream<Path> left = Files.list(data())) {
            assertEquals(List.of("tradevault.db", "tradevault.db.lock"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(), "the ledger was left as it was");
        }
    }

    @Test
    void verifyingABackupWhoseSnapshotCannotBeOpenedNeverPrintsTheKeyOrThePassphrase() throws Exception {
        // the root, the ledger, its lock, the work folder, the snapshot: its log finds no inode
        mount("data", 6);
        Map<String, String> env = ledger(TestLedgers.KEY_HEX);
        String backupPassphrase = firstBackup(env);
        Path backup = onlyBackup();
        String work = q(data() + "/.verify-") + "\\d+";

        assertFailsWithoutSecrets(extra -> child(env, dir, with(new String[] {"backups", "verify", backup.toString()},
                extra)), 1, cannotCreate(q("opening the ledger"), work + q("/snapshot"), work),
                TestLedgers.KEY_HEX, backupPassphrase);
    }

    @Test
    void encryptWhoseReKeyStepFailsNeverPrintsTheKey() throws Exception {
        Map<String, String> env = plaintextLedgerToEncrypt();
        // the first journal is the VACUUM INTO's, the second the re-key's
        Path journal = data().resolve("..tradevault.db.reencrypt.tmp.copy.tmp-journal");

        assertFailsWithoutSecrets(extra -> underStrace(env, dir, journal, "openat", 2,
                with(new String[] {"db", "encrypt"}, extra)), 1, cannotCreate(q("encrypting the ledger"),
                q(data().resolve("tradevault.db")), q(data())), PASSPHRASE);
    }

    @Test
    void encryptWhoseNewCopyCannotBeOpenedToVerifyNeverPrintsTheKey() throws Exception {
        Map<String, String> env = plaintextLedgerToEncrypt();
        Path staging = data().resolve(".tradevault.db.reencrypt.tmp");

        assertFailsWithoutSecrets(extra -> underStrace(env, dir, Path.of(staging + "-wal"), "openat", 1,
                with(new String[] {"db", "encrypt"}, extra)), 1,
                cannotCreate(q("opening the ledger"), q(staging), q(data())), PASSPHRASE);
    }

    @Test
    void rekeyWhoseNewCopyCannotBeOpenedToVerifyNeverPrintsEitherKey() throws Exception {
        Map<String, String> env = ledger(PASSPHRASE);
        Path staging = data().resolve(".tradevault.db.reencrypt.tmp");
        Path newKey = keyFile(NEW_KEY);

        assertFailsWithoutSecrets(extra -> underStrace(env, dir, Path.of(staging + "-wal"), "openat", 1,
                with(new String[] {"db", "rekey", "--new-key-file", newKey.toString()}, extra)), 1,
                cannotCreate(q("opening the ledger"), q(staging), q(data())), PASSPHRASE, NEW_KEY);
    }

    @Test
    void decryptThatCannotWriteItsCopyNeverPrintsTheKey() throws Exception {
        Map<String, String> env = ledger(TestLedgers.KEY_HEX);
        Path out = mount("out", 1);

        assertFailsWithoutSecrets(extra -> child(env, dir, with(new String[] {"db", "decrypt", "--out",
                out.resolve("plain.db").toString()}, extra)), 1, cannotCreate(q("writing a plaintext copy of "
                + data().resolve("tradevault.db")), q(out.resolve("plain.db")), q(out)), TestLedgers.KEY_HEX);
    }

    @Test
    void vacuumIntoAFolderThatCannotTakeTheCopyNeverPrintsTheKey() throws Exception {
        Map<String, String> env = ledger(PASSPHRASE);
        Path out = mount("out", 1);

        assertFailsWithoutSecrets(extra -> child(env, dir, with(new String[] {"vacuum", "--into",
                out.resolve("compact.db").toString()}, extra)), 1, cannotCreate(q("writing a compact copy"),
                q(out.resolve("compact.db")), q(out)), PASSPHRASE);
    }

    @Test
    void migrateToSqliteWhoseNewLedgerCannotBeOpenedNeverPrintsTheKey() throws Exception {
        Map<String, String> env = ledger(TestLedgers.KEY_HEX);
        String pg = PostgresServer.shared().newDatabase();
        CliRun moved = CliRun.of(env, "migrate-to-postgres", "--target", pg);
        assertEquals(0, moved.exitCode(), moved.err());
        Path target = Files.createDirectories(dir.resolve("back")).resolve("tradevault.db");
        Path temp = target.resolveSibling(".tradevault.db.migrating.tmp");

        assertFailsWithoutSecrets(extra -> underStrace(env, dir, Path.of(temp + "-wal"), "openat", 1,
                with(new String[] {"migrate-to-sqlite", "--source", pg, "--target", target.toString()}, extra)), 1,
                cannotCreate(q("opening the ledger"), q(temp), q(target.getParent())), TestLedgers.KEY_HEX);
    }

    /** The names the snapshot's log can have for a backup started in the next few seconds. */
    private static List<Path> snapshotLogsFromNow(Path dest) {
        java.time.Instant now = java.time.Instant.now();
        return java.util.stream.IntStream.range(0, 20).mapToObj(s -> dest.resolve(".tradevault-"
                + com.tradevault.core.AtomicFiles.stamp(now.plusSeconds(s)) + ".tar.gpg.snapshot.tmp-wal")).toList();
    }

    /** An encrypted ledger migrated only to schema v1, as an older bundle left it. */
    private static void ledgerAtVersionOne(Map<String, String> env) {
        OpeningDatabases opening = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env));
        try (Database db = opening.openOrCreate().database()) {
            Flyway.configure(KeyHandoffFailuresIT.class.getClassLoader()).dataSource(db.dataSource())
                    .locations(db.dialect().migrationLocation()).target("1").load().migrate();
        }
    }

    /** One attempt at the failing command, with {@code extra} arguments appended. */
    private interface Attempt {
        ChildRun run(String... extra) throws Exception;
    }

    /** The exact report and exit code, and no secret in any output, with and without a stack trace. */
    private static void assertFailsWithoutSecrets(Attempt attempt, int exit, String report, String... secrets)
            throws Exception {
        ChildRun plain = attempt.run();
        assertFailure(plain, exit, report);
        assertNoSecretIn(plain, secrets);
        ChildRun verbose = attempt.run("--verbose");
        assertEquals(exit, verbose.exitCode(), verbose.err());
        assertTrue(verbose.err().contains("\tat "), "--verbose prints the trace: " + verbose.err());
        assertNoSecretIn(verbose, secrets);
    }

    /** The report of a file that cannot be created; the three parts are regular expressions. */
    private static String cannotCreate(String doing, String where, String folder) {
        return q("error: ") + doing + q(" failed on ") + where + q(": cannot create or open a file in ") + folder
                + q(" (SQLITE_CANTOPEN): its file system is out of space or inodes, or the folder is not writable\n"
                + "next: free space there (df -h ") + folder + q("; df -i ") + folder
                + q("), then run the command again\n");
    }

    /** {@code text} as a regular expression that matches it literally. */
    private static String q(Object text) {
        return Pattern.quote(text.toString());
    }

    private static String[] with(String[] args, String... extra) {
        return Stream.concat(Stream.of(args), Stream.of(extra)).toArray(String[]::new);
    }

    private Path data() {
        return dir.resolve("data");
    }

    private Path mount(String name, int inodes) throws Exception {
        Path mounted = ForcedFaults.tmpfs(dir.resolve(name), inodes);
        mounts.add(mounted);
        return mounted;
    }

    /** A ledger set up by {@code setup-db} under {@code key}; the environment that opens it. */
    private Map<String, String> ledger(String key) {
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", key);
        CliRun setup = CliRun.of(env, "setup-db");
        assertEquals(0, setup.exitCode(), setup.err());
        return env;
    }

    /** A plaintext ledger, and the environment of {@code db encrypt} under {@link #PASSPHRASE}. */
    private Map<String, String> plaintextLedgerToEncrypt() throws Exception {
        Path conf = dir.resolve("tradevault.conf");
        Files.writeString(conf, "db.encryption = off\n");
        Map<String, String> env = new HashMap<>(TestLedgers.env(dir, "TRADEVAULT_CONFIG", conf.toString()));
        assertEquals(0, CliRun.of(env, "setup-db").exitCode());
        Files.writeString(conf, "db.encryption = on\n");
        env.put("TRADEVAULT_DB_KEY", PASSPHRASE);
        return env;
    }

    /** Takes a backup into {@code dir/backups}; returns the backup passphrase it generated. */
    private String firstBackup(Map<String, String> env) throws Exception {
        CliRun backup = CliRun.of(env, "backup", "--dest", dir.resolve("backups").toString());
        assertEquals(0, backup.exitCode(), backup.err());
        return Files.readString(dir.resolve("home/.config/tradevault/backup.passphrase")).strip();
    }

    private Path onlyBackup() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("backups"))) {
            return files.filter(p -> p.toString().endsWith(".tar.gpg")).findFirst().orElseThrow();
        }
    }

    private Path keyFile(String key) throws Exception {
        Path file = dir.resolve("new.key");
        Files.writeString(file, key + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
