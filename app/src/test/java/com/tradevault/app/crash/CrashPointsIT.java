package com.tradevault.app.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bot halts at a named crash point ({@code run --test-crash-at}), as if
 * killed there; the exchange is perturbed while it is down; after a restart
 * and its reconciliation the invariant holds. One exchange and one ledger for
 * all cases, so each starts from what the previous one left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashPointsIT {

    private Rig rig;
    private CrashLoop loop;

    @BeforeAll
    void startExchange(@TempDir Path dir) throws Exception {
        rig = new Rig(dir);
        loop = new CrashLoop(rig, 4242);
    }

    @AfterAll
    void stopExchange() throws Exception {
        System.out.println("named crash points: " + loop.summary());
        rig.close();
    }

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource({
            "after-intent-commit, NONE",
            "after-intent-commit:2, CANCEL_ORDERS",
            "after-intent-commit:3, PRICE_THROUGH_STOPS",
            "after-send-before-ack, NONE",
            "after-send-before-ack:2, CANCEL_THEN_FALL",
            "after-send-before-ack:3, RISE_THEN_CANCEL",
            "between-cancel-and-place, NONE",
            "between-cancel-and-place, PRICE_THROUGH_STOPS",
            "between-cancel-and-place:2, RISE_THEN_CANCEL",
            "mid-fill-record, NONE",
            "mid-fill-record:2, CANCEL_ORDERS",
            "mid-fill-record:3, CANCEL_THEN_FALL"})
    void invariantHoldsAfterAHaltAtACrashPoint(String point, Perturbation perturbation) throws Exception {
        loop.crashAt(point, perturbation);
    }

    /** The variable that once armed the points, exported to a bot that then sends orders: it halts nowhere. */
    @Test
    void anEnvironmentVariableArmsNoCrashPoint() throws Exception {
        Rig.Bot bot = rig.startBot(Optional.empty(), Map.of("TRADEVAULT_TEST_CRASH_AT", "after-intent-commit"));
        try (PriceDriver driver = new PriceDriver(rig.control, 7)) {
            assertTrue(bot.awaitLog("(venue id ", Duration.ofSeconds(90)), "no order sent:\n" + bot.logText());
        }
        assertTrue(bot.process().isAlive(), bot.logText());
        assertEquals(Rig.SIGTERM_EXIT, bot.terminate(), bot.logText());
        assertFalse(bot.logText().contains("crash point"), bot.logText());
        Rig.Bot again = loop.startReconciled();
        loop.checkWhileIdle(again);
        again.terminate();
    }
}
