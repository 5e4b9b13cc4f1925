package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradevault.backup.replica.ReplicaSession;
import com.tradevault.backup.replica.ReplicaSettings;
import com.tradevault.backup.replica.ReplicaStore;
import com.tradevault.backup.replica.ReplicaStores;
import com.tradevault.backup.replica.SftpAccess;
import com.tradevault.backup.replica.Replicating;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** replicate, replica status and restore --from-replica as an operator runs them: exact messages and exit codes. */
class ReplicaCommandsTest {

    @TempDir
    Path dir;

    Map<String, String> env;
    Path config;
    String url;
    int added;

    @BeforeEach
    void ledgerWithAReplicaConfigured() throws Exception {
        env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        url = dir.resolve("offsite").toUri().toString();
        config = dir.resolve("tradevault.conf");
        Files.writeString(config, "replica.url = \"" + url + "\"\n");
        assertEquals(0, CliRun.of(env, "setup-db").exitCode());
    }

    @Test
    void restoreFromTheReplicaBringsBackEveryShippedCommitAndSetsTheLedgerAside() throws Exception {
        ship(3);
        Path ledger = dir.resolve("data/tradevault.db");
        CliRun r = CliRun.of(env, "restore", "--from-replica", url, "--config", config.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Restored " + ledger + " from the replica " + url + " as of "), r.out());
        assertTrue(r.out().contains(" (3 segments replayed on the snapshot, every one authenticated; integrity check"
                + " passed, "), r.out());
        assertTrue(r.out().contains("The previous ledger is kept as " + ledger + "."), r.out());
        assertEquals(List.of("k1", "k2", "k3"), keys());
    }

    @Test
    void restoreAtATimeStopsAtTheLastSegmentShippedByThen() throws Exception {
        ship(2);
        Thread.sleep(20);
        java.time.Instant between = java.time.Instant.now();
        Thread.sleep(20);
        ship(1);
        Path then = dir.resolve("then/tradevault.db");
        CliRun r = CliRun.of(env, "restore", "--from-replica", url, "--at", between.toString(), "--to", then.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains(" (2 segments replayed on the snapshot"), r.out());
        assertEquals(List.of("k1", "k2"), keys(then));
    }

    @Test
    void restoreRefusesADamagedSegmentByNameWithExitThree() throws Exception {
        String generation = ship(3);
        Path segment = dir.resolve("offsite").resolve(generation).resolve("0000000002.segment");
        byte[] bytes = Files.readAllBytes(segment);
        bytes[100] ^= 0x40;
        Files.write(segment, bytes);
        CliRun r = CliRun.of(env, "restore", "--from-replica", url);
        assertEquals(3, r.exitCode(), r.err());
        assertEquals("error: replica file " + generation + "/0000000002.segment in " + url + " cannot be used: its"
                + " authentication tag does not match: it was changed or truncated, or it was written under another"
                + " database key; nothing was restored and the current ledger is unchanged\n"
                + "next: restore from an earlier point with --at (before that segment), or from a backup ('tradevault"
                + " restore FILE'); see docs/backup-restore.md\n", r.err());
        assertEquals(List.of("k1", "k2", "k3"), keys());
    }

    @Test
    void restoreRefusesADamagedSnapshotByName() throws Exception {
        String generation = ship(1);
        Path snapshot = dir.resolve("offsite").resolve(generation).resolve("snapshot-0000000000.db");
        byte[] bytes = Files.readAllBytes(snapshot);
        bytes[bytes.length - 100] ^= 0x01;
        Files.write(snapshot, bytes);
        CliRun r = CliRun.of(env, "restore", "--from-replica", url);
        assertEquals(3, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("error: replica file " + generation + "/snapshot-0000000000.db in " + url
                + " cannot be used: its authentication tag does not match: "), r.err());
    }

    @Test
    void replicaStatusReportsTheLastSegmentAndNoLagWhenCaughtUp() throws Exception {
        String generation = ship(2);
        CliRun r = CliRun.of(env, "replica", "status", "--json", "--config", config.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(generation, json.get("generation").asText());
        assertEquals(2, json.get("lastSegment").asLong());
        assertEquals(0, json.get("lagBytes").asLong());
        assertEquals(0, json.get("lagSeconds").asLong());
        assertEquals(10, json.get("maxLagSeconds").asLong());
    }

    @Test
    void replicaStatusCountsCommitsNotYetShippedAsLagAndExitsOneOverMaxLag() throws Exception {
        ship(1);
        try (Database running = opening().openExisting(); var keepsTheLogOpen = running.connect()) {
            addKv("unshipped");
            Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1));
            CliRun r = CliRun.of(env, later, "replica", "status", "--json", "--config", config.toString());
            assertEquals(1, r.exitCode(), r.err());
            JsonNode json = new ObjectMapper().readTree(r.out());
            assertTrue(json.get("lagBytes").asLong() >= 4096, r.out());
            assertTrue(json.get("lagSeconds").asLong() >= 59, r.out());
            assertTrue(json.get("overMaxLag").asBoolean(), r.out());
        }
    }

    @Test
    void replicateWithoutAReplicaUrlIsBadUsage() {
        CliRun r = CliRun.of(env, "replicate");
        assertEquals(2, r.exitCode());
        assertEquals("error: replica.url is not set\nnext: set it in the configuration file to a folder, e.g."
                + " replica.url = \"file:///mnt/offsite/tradevault\", or an SFTP server, e.g. replica.url ="
                + " \"sftp://tradevault@backup.example.org:22/srv/tradevault-replica\" (docs/backup-restore.md)\n",
                r.err());
    }

    @Test
    void replicateRefusesAnSftpUrlWithoutAKeyOrKnownHosts() throws Exception {
        String sftp = "replica.url = \"sftp://backup@example.org:22/srv/tradevault\"\n";
        assertSftpRefused(sftp, "error: replica.url is an sftp:// URL but replica.ssh-key is not set\nnext: generate a"
                + " key for the replicator: ssh-keygen -t ed25519 -N '' -f /etc/tradevault/replica/id_ed25519, set"
                + " replica.ssh-key to it and add the .pub file to the server's authorized_keys (docs/backup-restore.md,"
                + " 'Replicating to an SFTP server')\n");
        Path key = dir.resolve("id_ed25519");
        assertSftpRefused(sftp + "replica.ssh-key = \"" + key + "\"\n", "error: replica.url is an sftp:// URL but"
                + " replica.known-hosts is not set: the server's host key cannot be checked\nnext: write the server's"
                + " host key to a file (ssh-keyscan -p PORT HOST > /etc/tradevault/replica/known_hosts), compare its"
                + " fingerprint (ssh-keygen -lf) with the one the server's owner gives you, and set replica.known-hosts"
                + " to it (docs/backup-restore.md, 'Replicating to an SFTP server')\n");
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "");
        String both = sftp + "replica.ssh-key = \"" + key + "\"\nreplica.known-hosts = \"" + knownHosts + "\"\n";
        assertSftpRefused(both, "error: replica.ssh-key " + key + " does not exist\nnext: check the path in the"
                + " configuration (docs/backup-restore.md, 'Replicating to an SFTP server')\n");
        Files.writeString(key, "not a key\n");
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertSftpRefused(both, "error: replica.ssh-key " + key + " can be read by others (rw-r--r--); a private key"
                + " must be readable by its owner alone\nnext: chmod 600 " + key + "\n");
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertSftpRefused(both, "error: replica.ssh-key " + key + " holds no private key the replicator can use (it"
                + " must be an unencrypted OpenSSH or PEM private key: ed25519, ecdsa or rsa, without a passphrase)\n"
                + "next: generate one with ssh-keygen -t ed25519 -N '' -f " + key + ".new and point replica.ssh-key at"
                + " it (docs/backup-restore.md, 'Replicating to an SFTP server')\n");
    }

    @Test
    void replicateRefusesAKeyWithAPassphraseWithoutEchoingIt() throws Exception {
        Path key = dir.resolve("id_locked");
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "hunter2-passphrase", "-f",
                key.toString()).redirectErrorStream(true).start();
        assertEquals(0, keygen.waitFor());
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "");
        assertSftpRefused("replica.url = \"sftp://backup@example.org:22/srv/tradevault\"\nreplica.ssh-key = \"" + key
                + "\"\nreplica.known-hosts = \"" + knownHosts + "\"\n", "error: replica.ssh-key " + key + " holds no"
                + " private key the replicator can use (it must be an unencrypted OpenSSH or PEM private key: ed25519,"
                + " ecdsa or rsa, without a passphrase)\nnext: generate one with ssh-keygen -t ed25519 -N '' -f " + key
                + ".new and point replica.ssh-key at it (docs/backup-restore.md, 'Replicating to an SFTP server')\n");
    }

    @Test
    void replicateRefusesAnSftpUrlItCannotUse() throws Exception {
        String next = "next: set replica.url to a folder, e.g. file:///mnt/offsite/tradevault, or an SFTP server, e.g."
                + " sftp://tradevault@backup.example.org:22/srv/tradevault-replica (docs/backup-restore.md)\n";
        assertSftpRefused("replica.url = \"sftp://example.org/srv/r\"\n", "error: replica.url 'sftp://example.org/srv/r'"
                + " cannot be used: an sftp:// URL needs a user and a host: sftp://user@host:port/path\n" + next);
        assertSftpRefused("replica.url = \"sftp://backup:hunter2@example.org/srv/r\"\n", "error: replica.url"
                + " 'sftp://backup:(hidden)@example.org/srv/r' cannot be used: it holds a password; the replicator logs"
                + " in with the key file replica.ssh-key only\n" + next);
        assertSftpRefused("replica.url = \"sftp://backup@example.org:22\"\n", "error: replica.url"
                + " 'sftp://backup@example.org:22' cannot be used: it needs an absolute folder on the server after the"
                + " host, e.g. /srv/tradevault-replica\n" + next);
        assertSftpRefused("replica.url = \"s3://bucket/r\"\n", "error: replica.url 's3://bucket/r' cannot be used:"
                + " only file:///absolute/folder and sftp://user@host:port/absolute/path URLs are supported\n" + next);
    }

    @Test
    void replicateRefusesAMaxHeldLogOutOfBounds() throws Exception {
        assertSftpRefused("replica.url = \"file:///mnt/offsite/r\"\nreplica.max-held-log = 2k\n", "error: invalid"
                + " configuration:\n  replica.max-held-log = 2k: must be a size from 1048576 to 1099511627776 bytes,"
                + " written like 512M or 2G\nnext: fix these settings (see docs/configuration.md), then run"
                + " 'tradevault config check'\n");
    }

    private void assertSftpRefused(String configText, String err) throws Exception {
        Files.writeString(config, configText);
        CliRun r = CliRun.of(env, "replicate", "--config", config.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(err, r.err());
    }

    @Test
    void replicateOnPostgresPointsToWalArchiving() {
        Map<String, String> pg = new HashMap<>(env);
        pg.put("TRADEVAULT_DB_URL", "jdbc:postgresql://127.0.0.1:1/tradevault");
        CliRun r = CliRun.of(pg, "replicate", "--config", config.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("error: the ledger is on PostgreSQL; tradevault replicate ships only a SQLite ledger's WAL\n"
                + "next: use PostgreSQL's own WAL archiving and streaming replication, as docs/postgres-upgrade.md"
                + " describes (section 'Continuous archiving')\n", r.err());
    }

    @Test
    void restoreNeedsAFileOrAReplicaAndATimeItCanRead() {
        CliRun none = CliRun.of(env, "restore");
        assertEquals(2, none.exitCode());
        assertTrue(none.err().startsWith("error: restore needs a backup FILE or --from-replica URL\n"), none.err());
        CliRun badTime = CliRun.of(env, "restore", "--from-replica", url, "--at", "yesterday");
        assertEquals(2, badTime.exitCode());
        assertEquals("error: --at 'yesterday' is not a UTC time\nnext: write it as 2026-12-06T02:30:00Z\n",
                badTime.err());
    }

    /** Starts a generation, then commits one row (k1, k2, ...) and ships it {@code n} times; returns the generation. */
    private String ship(int n) throws Exception {
        ReplicaStore store = ReplicaStores.at(url);
        try (ReplicaSession session = new Replicating(opening(), new ReplicaSettings(Optional.of(url),
                Duration.ofHours(1), Duration.ofSeconds(10), 3, SftpAccess.NONE,
                ReplicaSettings.DEFAULT_MAX_HELD_LOG), store, Clock.systemUTC()).start()) {
            for (int i = 1; i <= n; i++) {
                addKv("k" + (++added));
                session.cycle();
            }
            return session.generation();
        }
    }

    private OpeningDatabases opening() {
        return new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env));
    }

    private void addKv(String key) throws Exception {
        try (Database db = opening().openExisting()) {
            db.transaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO kv (key, value, updated_at) VALUES ('" + key
                            + "', 'v', '2026-11-21T07:41:00.000000Z')");
                }
                return null;
            });
        }
    }

    private List<String> keys() throws Exception {
        return keys(dir.resolve("data/tradevault.db"));
    }

    private List<String> keys(Path ledger) throws Exception {
        OpeningDatabases at = new OpeningDatabases(TestLedgers.settings(env).withUrl("jdbc:sqlite:" + ledger),
                new KeyResolver(env));
        try (Database db = at.openExisting()) {
            return db.read(c -> {
                List<String> keys = new java.util.ArrayList<>();
                try (Statement s = c.createStatement(); var r = s.executeQuery("SELECT key FROM kv ORDER BY key")) {
                    while (r.next()) {
                        keys.add(r.getString(1));
                    }
                }
                return keys;
            });
        }
    }
}
