package com.tradevault.app.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.cli.Cli;
import com.tradevault.core.config.ConfigLoader;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.OpenSshServer;
import com.tradevault.core.testing.TestLedgers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The recovery point of the continuous replica, with real processes: the bot
 * ({@code tradevault run}, a scan every 100 ms, each a committed decision)
 * against {@code paper-exchange serve}, and {@code tradevault replicate} to a
 * folder or to a real SFTP server (Debian's OpenSSH sshd, started for the
 * test); both killed with SIGKILL (the replicator first), the data directory
 * deleted, the ledger restored from the replica, and the committed
 * transactions lost counted; the restored ledger must also open in an
 * independent SQLCipher 4 reader with the same row counts. Repeated; median
 * and worst printed.
 */
class ReplicaRecoveryIT {

    private static final int ROUNDS = 5;

    @TempDir
    Path dir;

    @Test
    void killedBotAndReplicatorLoseAtMostOneSecondOfCommitsToAFolder() throws Exception {
        recoveryPoint("file://", root -> {
            String url = root.resolve("replica").toUri().toString();
            return new String[] {url, "replica { url = \"" + url + "\" }"};
        });
    }

    @Test
    void killedBotAndReplicatorLoseAtMostOneSecondOfCommitsToAnSftpServer() throws Exception {
        try (OpenSshServer sshd = OpenSshServer.start(dir.resolve("sshd"))) {
            Path knownHosts = sshd.knownHostsFor(sshd.port());
            recoveryPoint("sftp://", root -> {
                String url = sshd.url(sshd.port(), root.resolve("replica"));
                return new String[] {url, "replica { url = \"" + url + "\", ssh-key = \"" + sshd.clientKey()
                        + "\", known-hosts = \"" + knownHosts + "\" }"};
            });
        }
    }

    /** Where a round's replica goes: its URL and the configuration lines that set it. */
    private interface Target {
        String[] urlAndConfig(Path root) throws Exception;
    }

    private void recoveryPoint(String kind, Target target) throws Exception {
        List<Long> lost = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            lost.add(round(Files.createDirectories(dir.resolve("round-" + i)), target));
        }
        Collections.sort(lost);
        System.out.println("replica recovery (" + kind + "): decisions lost per round " + lost + ", median "
                + lost.get(ROUNDS / 2) + ", worst " + lost.get(ROUNDS - 1) + " (one decision per 100 ms scan)");
        assertTrue(lost.get(ROUNDS - 1) <= 10, "more than 1 s of commits lost: " + lost);
    }

    private long round(Path root, Target target) throws Exception {
        String[] urlAndConfig = target.urlAndConfig(root);
        String replica = urlAndConfig[0];
        try (Rig rig = new Rig(root, urlAndConfig[1])) {
            Rig.Bot bot = rig.startBot(Optional.empty());
            Rig.Bot replicator = rig.startReplicator();
            assertTrue(replicator.awaitLog("Replicating to ", Duration.ofSeconds(60)), replicator.logText());
            assertTrue(bot.awaitLog("trading BTCUSDT every", Duration.ofSeconds(60)), bot.logText());
            Thread.sleep(4000);
            assertTrue(bot.process().isAlive(), bot.logText());
            replicator.kill9();
            bot.kill9();
            OpeningDatabases opening = opening(rig);
            Path ledger = opening.dialect().file().orElseThrow();
            long committed = decisions(opening);
            assertTrue(committed > 20, "the bot committed decisions: " + committed + "\n" + bot.logText());
            deleteTree(ledger.getParent());
            StringWriter err = new StringWriter();
            CommandLine cl = new Cli(rig.env, Clock.systemUTC()).commandLine();
            cl.setErr(new PrintWriter(err, true));
            cl.setOut(new PrintWriter(new StringWriter(), true));
            assertEquals(0, cl.execute("restore", "--from-replica", replica), err.toString());
            long restored = decisions(opening);
            assertOpensInAnIndependentReader(opening, ledger);
            assertTrue(restored <= committed, restored + " > " + committed);
            System.out.println("replica recovery round: " + committed + " decisions committed, " + restored
                    + " restored");
            return committed - restored;
        }
    }

    private static OpeningDatabases opening(Rig rig) {
        var config = new ConfigLoader(rig.env, ConfigLoader.DATABASE_OVERRIDES).load(Optional.of(rig.config));
        return new OpeningDatabases(DbSettings.from(config), new KeyResolver(rig.env));
    }

    /** Zetetic's SQLCipher 4 opens the restored ledger with the key: integrity ok, every table's rows as we see them. */
    private static void assertOpensInAnIndependentReader(OpeningDatabases opening, Path ledger) throws Exception {
        IndependentSqlCipher theirs = IndependentSqlCipher.read(ledger, "x'" + TestLedgers.KEY_HEX + "'");
        assertTrue(theirs.cipher().startsWith("4."), theirs.cipher());
        assertEquals("ok", theirs.integrity());
        Map<String, Long> ours = new TreeMap<>();
        try (Database db = opening.openExisting(); Connection c = db.connect(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'"
                    + " AND name NOT LIKE 'sqlite_%'")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM \"" + t + "\"")) {
                    r.next();
                    ours.put(t, r.getLong(1));
                }
            }
        }
        assertEquals(ours, theirs.counts());
        assertTrue(ours.get("trade_decisions") > 0, ours.toString());
    }

    private static long decisions(OpeningDatabases opening) throws Exception {
        try (Database db = opening.openExisting(); Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM trade_decisions")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
