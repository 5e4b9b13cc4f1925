package com.tradevault.app.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exchange misbehaves, or the bot is stopped politely: the exchange
 * executes orders and drops the answers; it is down when the bot starts;
 * SIGTERM arrives in the middle of an operation.
 */
class ExchangeFaultsIT {

    /** What the paper exchange logs when it executed an order and dropped the answer. */
    private static final String LOST = "dropped the answer to POST /api/v3/order";

    @TempDir
    Path dir;

    @Test
    void droppedAnswersNeverProduceADuplicateOrderOrFill() throws Exception {
        try (Rig rig = new Rig(dir)) {
            CrashLoop loop = new CrashLoop(rig, 7);
            Rig.Bot bot = loop.startReconciled();
            try (PriceDriver driver = new PriceDriver(rig.control, 7)) {
                rig.control.faults(Map.of("dropOrders", "3"));
                for (int i = 0; i < 60 && count(rig.serverLog(), LOST) < 3; i++) {
                    Thread.sleep(250);
                }
                bot.kill9();
            }
            rig.control.faults(Map.of("reset", "true"));
            Rig.Bot again = loop.startReconciled();
            loop.checkWhileIdle(again);
            assertEquals(Rig.SIGTERM_EXIT, again.terminate());
            System.out.println("dropped answers: " + count(rig.serverLog(), LOST) + " order answers lost, "
                    + rig.venueTrades() + " fills; invariant holds");
            assertEquals(3, count(rig.serverLog(), LOST), bot.logText());
        }
    }

    @Test
    void exchangeDownAtStartupDelaysTradingUntilReconciled() throws Exception {
        try (Rig rig = new Rig(dir)) {
            CrashLoop loop = new CrashLoop(rig, 11);
            Rig.Bot first = loop.startReconciled();
            try (PriceDriver driver = new PriceDriver(rig.control, 11)) {
                Thread.sleep(2500);
                first.kill9();
            }
            int port = rig.url.getPort();
            rig.stopServer();
            Rig.Bot bot = rig.startBot(Optional.empty());
            assertTrue(bot.awaitLog("cannot reach the exchange", Duration.ofSeconds(60)), bot.logText());
            Thread.sleep(2000);
            assertTrue(bot.process().isAlive(), bot.logText());
            assertFalse(bot.logText().contains(CrashLoop.TRADING), bot.logText());
            rig.startServer(port);
            assertTrue(bot.awaitLog(CrashLoop.TRADING, Duration.ofSeconds(60)), bot.logText());
            loop.checkWhileIdle(bot);
            assertEquals(Rig.SIGTERM_EXIT, bot.terminate());
        }
    }

    @Test
    void sigtermInTheMiddleOfTradingStopsCleanlyAndLosesNothing() throws Exception {
        try (Rig rig = new Rig(dir)) {
            CrashLoop loop = new CrashLoop(rig, 13);
            Random random = new Random(13);
            for (int i = 0; i < 4; i++) {
                Rig.Bot bot = loop.startReconciled();
                loop.checkWhileIdle(bot);
                int exit;
                try (PriceDriver driver = new PriceDriver(rig.control, random.nextLong())) {
                    Thread.sleep(400 + random.nextInt(1600));
                    exit = bot.terminate();
                }
                assertEquals(Rig.SIGTERM_EXIT, exit, bot.logText());
                assertTrue(bot.logText().contains("stay protected by their stops"), bot.logText());
            }
            Rig.Bot last = loop.startReconciled();
            loop.checkWhileIdle(last);
            assertEquals(Rig.SIGTERM_EXIT, last.terminate());
            assertEquals(List.of(), rig.check());
        }
    }

    private static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }
}
