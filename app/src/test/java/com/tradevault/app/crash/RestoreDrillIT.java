package com.tradevault.app.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.cli.Cli;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.OrderStatus;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The documented restore drill, with real processes ({@code paper-exchange
 * serve} and {@code tradevault run}): the bot holds a position, a backup is
 * taken, the stop is trailed twice, the bot stops, the backup is restored and
 * the bot runs again. The live stop on the exchange is newer than the
 * restored ledger: the bot must adopt it (not lock itself out of its own
 * coins), end with the position protected, and trade on. The same for a
 * ledger whose last committed transactions were lost with its {@code -wal}:
 * all of it, or its tail cut off after a {@code kill -9}.
 */
class RestoreDrillIT {

    @TempDir
    Path dir;

    @Test
    void afterRestoringABackupOlderThanTheLiveStopTheBotAdoptsItAndTradesOn() throws Exception {
        try (Rig rig = new Rig(dir)) {
            Rig.Bot bot = started(rig);
            BigDecimal price = raiseUntil(rig, bot, new BigDecimal("30000"), "placed STOP SELL", 1);
            Result backup = cli(rig, "backup");
            assertEquals(0, backup.exit(), backup.err());
            Path file = backupFile(backup.out());
            int raised = count(bot.logText(), "raising stop of #");
            raiseUntil(rig, bot, price, "raising stop of #", raised + 2);
            assertEquals(Rig.SIGTERM_EXIT, bot.terminate(), bot.logText());

            Result restore = cli(rig, "restore", file.toString());
            assertEquals(0, restore.exit(), restore.err());

            assertRecoversAndTradesOn(rig);
        }
    }

    @Test
    void afterLosingTheLastCommittedTransactionsWithTheWalTheBotAdoptsTheLiveStopAndTradesOn() throws Exception {
        try (Rig rig = new Rig(dir)) {
            Rig.Bot bot = started(rig);
            BigDecimal price = raiseUntil(rig, bot, new BigDecimal("30000"), "placed STOP SELL", 1);
            int raised = count(bot.logText(), "raising stop of #");
            raiseUntil(rig, bot, price, "raising stop of #", raised + 1);
            Path ledger = dir.resolve("data/tradevault.db");
            Path wal = dir.resolve("data/tradevault.db-wal");
            bot.kill9();
            // What a lost disk cache does to a ledger: the main file keeps what was checkpointed (here: the
            // empty ledger setup-db made), the -wal is cut off, and every transaction committed to it since is
            // gone, SQLite cannot tell. The exchange still has the entry's fill and the newest stop.
            assertTrue(Files.size(ledger) > 0 && Files.size(wal) > 0);
            Files.write(wal, new byte[0]);
            Files.deleteIfExists(dir.resolve("data/tradevault.db-shm"));

            assertRecoversAndTradesOn(rig);
        }
    }

    @Test
    void afterACrashThatCutTheWalsTailTheBotAdoptsTheLiveStopAndTradesOn() throws Exception {
        try (Rig rig = new Rig(dir)) {
            Rig.Bot bot = started(rig);
            BigDecimal price = raiseUntil(rig, bot, new BigDecimal("30000"), "placed STOP SELL", 1);
            Path ledger = dir.resolve("data/tradevault.db");
            Path wal = dir.resolve("data/tradevault.db-wal");
            WalTail cut = WalTail.of(wal);
            FileTime checkpointed = Files.getLastModifiedTime(ledger);
            int raised = count(bot.logText(), "raising stop of #");
            raiseUntil(rig, bot, price, "raising stop of #", raised + 2);
            bot.kill9();
            WalTail now = WalTail.of(wal);
            // the commits after the cut are still only in the -wal: nothing checkpointed or restarted it
            assertEquals(cut.salt(), now.salt(), "the -wal was restarted");
            assertEquals(checkpointed, Files.getLastModifiedTime(ledger), "the -wal was checkpointed");
            assertTrue(now.lastCommitEnd() > cut.lastCommitEnd(), now + " / " + cut);
            // What a disk that lost its cache does: the -wal ends after the first stop was placed, and the
            // transactions committed since (the stop raised twice) are gone; SQLite cannot tell.
            try (RandomAccessFile f = new RandomAccessFile(wal.toFile(), "rw")) {
                f.setLength(cut.lastCommitEnd());
            }
            Files.deleteIfExists(dir.resolve("data/tradevault.db-shm"));

            assertRecoversAndTradesOn(rig);
        }
    }

    /**
     * Where the last commit of a {@code -wal} ends, and the salt of its header that
     * every frame of the current generation carries (SQLite's WAL file format).
     */
    private record WalTail(long salt, long lastCommitEnd) {

        private static final int HEADER = 32;
        private static final int FRAME_HEADER = 24;

        static WalTail of(Path wal) throws Exception {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(wal));
            int pageSize = bytes.getInt(8);
            long salt = bytes.getLong(16);
            long end = HEADER;
            long lastCommit = HEADER;
            while (end + FRAME_HEADER + pageSize <= bytes.capacity() && bytes.getLong((int) end + 8) == salt) {
                boolean commit = bytes.getInt((int) end + 4) != 0;
                end += FRAME_HEADER + pageSize;
                lastCommit = commit ? end : lastCommit;
            }
            return new WalTail(salt, lastCommit);
        }
    }

    /** Starts the bot on the restored ledger and checks it settles with the live stop adopted, then trades. */
    private static void assertRecoversAndTradesOn(Rig rig) throws Exception {
        Rig.Bot again = started(rig);
        String log = again.logText();
        assertTrue(log.contains("found: STOP_ADOPTED position #1 BTCUSDT: the exchange has our stop tv-s-"), log);
        assertTrue(log.contains("checked: every open position has exactly one live stop"), log);
        assertFalse(log.contains("venue rejected") || log.contains("NOT DONE"), log);
        BigDecimal now = new BigDecimal(rig.control.dump().get("prices").get(Rig.SYMBOL).asText());
        int raised = count(again.logText(), "raising stop of #");
        raiseUntil(rig, again, now, "raising stop of #", raised + 1);
        assertEquals(Rig.SIGTERM_EXIT, again.terminate(), again.logText());
        assertTrue(again.logText().contains("open position(s) stay protected by their stops on the exchange"),
                again.logText());
        assertEquals(List.of(), problemsBesidesForgottenHistory(rig));
    }

    /**
     * The invariant's violations, less the stops the restored ledger cannot know: those the bot placed and
     * cancelled after the backup (they are final on the exchange and protect nothing).
     */
    private static List<String> problemsBesidesForgottenHistory(Rig rig) throws Exception {
        Set<String> forgotten = rig.adapter().allOrders(Rig.SYMBOL).stream()
                .filter(o -> o.status() == OrderStatus.CANCELED).map(ExchangeOrder::clientOrderId)
                .map(id -> "order " + id + " on the exchange is unknown to the ledger").collect(Collectors.toSet());
        return rig.check().stream().filter(p -> !forgotten.contains(p)).toList();
    }

    private static Rig.Bot started(Rig rig) throws Exception {
        Rig.Bot bot = rig.startBot(Optional.empty());
        assertTrue(bot.awaitLog(CrashLoop.TRADING, Duration.ofSeconds(90)), bot.logText());
        return bot;
    }

    /** Raises the price 0.2 % every 150 ms until the bot's log shows {@code marker} {@code times} times. */
    private static BigDecimal raiseUntil(Rig rig, Rig.Bot bot, BigDecimal from, String marker, int times)
            throws Exception {
        BigDecimal price = from;
        for (int i = 0; i < 400; i++) {
            if (count(bot.logText(), marker) >= times) {
                Thread.sleep(300);
                return price;
            }
            price = price.multiply(new BigDecimal("1.002")).setScale(2, java.math.RoundingMode.DOWN);
            rig.control.setPrice(Rig.SYMBOL, price.toPlainString());
            Thread.sleep(150);
        }
        throw new AssertionError("no " + times + " x '" + marker + "' in the log:\n" + bot.logText());
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    private static Path backupFile(String out) {
        Matcher m = Pattern.compile("Backup written: (\\S+) \\(").matcher(out);
        assertTrue(m.find(), out);
        return Path.of(m.group(1));
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result cli(Rig rig, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new Cli(rig.env, Clock.systemUTC()).commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Result(cl.execute(args), out.toString(), err.toString());
    }
}
