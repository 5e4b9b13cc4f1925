package com.tradevault.app.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tradevault run} as a real process: SIGTERM while a position is open
 * ends it cleanly, and the position stays protected by exactly one stop on
 * the exchange, with the ledger and the exchange in agreement.
 */
class RunStopsCleanlyOnSigtermIT {

    @TempDir
    Path dir;

    private Process bot;

    @AfterEach
    void killLeftovers() {
        if (bot != null) {
            bot.destroyForcibly();
        }
    }

    @Test
    void sigtermWithAnOpenPositionLeavesItsStopOnTheExchange() throws Exception {
        Path config = dir.resolve("tradevault.conf");
        Files.writeString(config, "bot.scan-interval = 100ms\nstrategy { lookback = 3, trail = \"5\" }\n"
                + "paper.feed.tick-interval = 20ms\n");
        Path log = dir.resolve("bot.err");
        assertEquals(0, start(config, log, "setup-db").waitFor(60, TimeUnit.SECONDS) ? 0 : -1);
        bot = start(config, log, "run");

        awaitLine(log, "placed STOP SELL", Duration.ofSeconds(60));
        bot.destroy();
        assertTrue(bot.waitFor(30, TimeUnit.SECONDS), "the bot stops within its shutdown grace");

        assertEquals(143, bot.exitValue(), "exit status of a JVM ended by SIGTERM");
        String text = Files.readString(log);
        assertTrue(text.contains("1 open position(s) stay protected by their stops on the exchange"), text);
        try (BotFixture f = new BotFixture(dir)) {
            assertEquals(1, f.ledger.read(LedgerSession::openPositions).size());
            TradingEndToEndIT.assertLedgerEqualsExchange(f);
        }
    }

    private Process start(Path config, Path log, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.log.com.tradevault=info", "-cp", System.getProperty("java.class.path"),
                "com.tradevault.app.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX,
                "TRADEVAULT_CONFIG", config.toString()));
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return pb.start();
    }

    private void awaitLine(Path log, String needle, Duration limit) throws Exception {
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            if (Files.exists(log) && Files.readString(log).contains(needle)) {
                return;
            }
            assertTrue(bot.isAlive(), "the bot died: " + Files.readString(log));
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + needle + "' within " + limit + ":\n" + Files.readString(log));
    }
}
