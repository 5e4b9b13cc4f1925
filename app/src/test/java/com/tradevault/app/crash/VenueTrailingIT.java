package com.tradevault.app.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.OrderStatus;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.ledger.jdbc.JdbcLedgers;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderPurpose;
import com.tradevault.app.trading.Position;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.TestLedgers;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strategy.trail-mode = venue} against a real {@code paper-exchange
 * serve} process configured like real BTCUSDT (STOP_LOSS_LIMIT only,
 * trailing stops allowed): the bot places one STOP_LOSS_LIMIT carrying the
 * trail as {@code trailingDelta} (100 bips) and no stop price, never moves
 * it while the price rises, and the exchange triggers it while the bot is
 * killed with {@code kill -9}; the restarted bot records the fill and closes
 * the position. A venue stop cancelled while the bot is down is placed again
 * by the startup reconciliation, again as a venue-trailed stop.
 */
class VenueTrailingIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void theExchangeTrailsAndTriggersTheStopWhileTheBotIsDownAndTheRestartRecordsTheExit() throws Exception {
        try (Rig rig = new Rig(dir, "strategy { trail-mode = venue, trail = \"1\" }")) {
            Rig.Bot bot = enter(rig, "30000", "30100");
            ExchangeOrder stop = venueStop(rig);
            assertEquals(OrderType.STOP_LOSS_LIMIT, stop.type());
            assertEquals(Optional.of(100), stop.trailingDelta());
            assertEquals(Optional.empty(), stop.stopPrice());

            for (String price : List.of("30500", "31000", "31500", "32000", "33000")) {
                rig.control.setPrice(Rig.SYMBOL, price);
                Thread.sleep(300);
            }
            assertEquals(stop.exchangeOrderId(), venueStop(rig).exchangeOrderId(), "the bot never moves a venue stop");
            assertFalse(bot.logText().contains("raising stop"), bot.logText());
            bot.kill9();

            rig.control.setPrice(Rig.SYMBOL, "32600");
            Thread.sleep(300);
            assertEquals(List.of(), rig.adapter().openOrders(Optional.of(Rig.SYMBOL)),
                    "1% below the high of 33000 the exchange triggered the stop while the bot was down");

            Rig.Bot again = new CrashLoop(rig, 1).startReconciled();
            assertEquals(143, again.terminate());
            Position closed = ledger(rig, s -> s.position(1).orElseThrow());
            assertFalse(closed.isOpen(), again.logText());
            assertTrue(closed.realizedPnl().value().compareTo(BigDecimal.ZERO) > 0,
                    "sold near 32600 what was bought near 30100: " + closed.realizedPnl());
            assertEquals(List.of(), rig.check());
        }
    }

    @Test
    void aVenueStopCancelledWhileTheBotIsDownIsPlacedAgainAsAVenueStop() throws Exception {
        try (Rig rig = new Rig(dir, "strategy { trail-mode = venue, trail = \"1\" }")) {
            Rig.Bot bot = enter(rig, "30000", "30100");
            ExchangeOrder first = venueStop(rig);
            bot.kill9();

            rig.control.cancelOrders(Optional.of(Rig.SYMBOL));
            Rig.Bot again = new CrashLoop(rig, 2).startReconciled();

            assertTrue(again.logText().contains("found: STOP_MISSING "), again.logText());
            ExchangeOrder placed = venueStop(rig);
            assertFalse(placed.exchangeOrderId().equals(first.exchangeOrderId()));
            assertEquals(Optional.of(100), placed.trailingDelta());
            assertEquals(Optional.empty(), placed.stopPrice());
            Order recorded = ledger(rig, s -> s.order(placed.clientOrderId()).orElseThrow());
            assertEquals(Optional.of(100), recorded.trailingDelta());
            assertEquals(OrderPurpose.STOP, recorded.purpose());
            assertEquals(143, again.terminate());
            assertEquals(List.of(), rig.check());
        }
    }

    /** Starts the bot at {@code flat}, then breaks out to {@code breakout}; returns once the stop is on the venue. */
    private static Rig.Bot enter(Rig rig, String flat, String breakout) throws Exception {
        rig.control.setPrice(Rig.SYMBOL, flat);
        Rig.Bot bot = new CrashLoop(rig, 0).startReconciled();
        Thread.sleep(600);
        rig.control.setPrice(Rig.SYMBOL, breakout);
        assertTrue(bot.awaitLog("opened position #1", WAIT), bot.logText());
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (rig.adapter().openOrders(Optional.of(Rig.SYMBOL)).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return bot;
    }

    private static ExchangeOrder venueStop(Rig rig) {
        List<ExchangeOrder> open = rig.adapter().openOrders(Optional.of(Rig.SYMBOL)).stream()
                .filter(o -> o.status() == OrderStatus.NEW).toList();
        assertEquals(1, open.size(), open.toString());
        return open.get(0);
    }

    private static <T> T ledger(Rig rig, Function<LedgerSession, T> read) {
        try (Database db = new OpeningDatabases(TestLedgers.settings(rig.env), new KeyResolver(rig.env))
                .openExisting()) {
            return JdbcLedgers.on(db).read(read::apply);
        }
    }
}
