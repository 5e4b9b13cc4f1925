package com.tradevault.app.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.ExchangeTrade;
import com.tradevault.app.exchange.paper.PaperExchange;
import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.trading.Decision;
import com.tradevault.app.trading.Fill;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderPurpose;
import com.tradevault.app.trading.OrderState;
import com.tradevault.app.trading.Position;
import com.tradevault.app.trading.Price;
import com.tradevault.app.trading.Quantity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot against the real in-process paper exchange for hundreds of ticks:
 * afterwards the ledger and the exchange agree order by order and fill by
 * fill, every open position has exactly one open stop, and no client order id
 * was used twice.
 */
class TradingEndToEndIT {

    @TempDir
    Path dir;

    @Test
    void sixHundredTicksLeaveLedgerAndExchangeInAgreement() {
        try (BotFixture f = new BotFixture(dir)) {
            Bot bot = f.newBot();
            bot.reconcile();
            runTicks(f, bot, 600);

            assertLedgerEqualsExchange(f);
            Map<String, Long> decisions = decisionCounts(f);
            assertTrue(decisions.getOrDefault("ENTER", 0L) >= 3, "several entries: " + decisions);
            assertTrue(decisions.getOrDefault("EXIT", 0L) >= 2, "several exits by stop: " + decisions);
            assertTrue(raisedStops(f) >= 1, "at least one stop was trailed up (cancel + place)");
            assertEquals(600, decisions.values().stream().mapToLong(Long::longValue).sum(), "one decision per scan");
        }
    }

    @Test
    void restartAfterTheExchangeCancelledTheStopPlacesItAgainBeforeTrading() {
        try (BotFixture f = new BotFixture(dir)) {
            Bot first = f.newBot();
            first.reconcile();
            runUntilOpenPosition(f, first);
            f.restartExchange();
            f.exchange.cancelAll(Optional.empty());
            assertEquals(List.of(), f.exchange.openOrders(Optional.empty()));

            Bot second = f.newBot();
            var report = second.reconcile();

            assertTrue(report.actions().stream().anyMatch(a -> a.contains("done:  place stop for position #")),
                    report.actions().toString());
            assertLedgerEqualsExchange(f);
            runTicks(f, second, 200);
            assertLedgerEqualsExchange(f);
        }
    }

    @Test
    void aStopTheExchangeCancelsWhileTheBotRunsIsPlacedAgainOnTheNextScan() {
        try (BotFixture f = new BotFixture(dir)) {
            Bot bot = f.newBot();
            bot.reconcile();
            runUntilOpenPosition(f, bot);
            f.exchange.cancelAll(Optional.empty());

            Decision next = bot.trading().scan(BotFixture.SYMBOL);

            assertEquals(Decision.Kind.HOLD, next.kind());
            assertTrue(next.payload().get("protection").toString().contains("placed stop"), next.payload().toString());
            assertLedgerEqualsExchange(f);
        }
    }

    private static void runTicks(BotFixture f, Bot bot, int ticks) {
        for (int i = 0; i < ticks; i++) {
            f.clock.advance(Duration.ofSeconds(1));
            f.exchange.tick();
            bot.trading().scan(BotFixture.SYMBOL);
        }
    }

    private static void runUntilOpenPosition(BotFixture f, Bot bot) {
        for (int i = 0; i < 500; i++) {
            runTicks(f, bot, 1);
            if (!f.ledger.transaction(LedgerSession::openPositions).isEmpty()) {
                return;
            }
        }
        throw new AssertionError("no position opened in 500 ticks");
    }

    static void assertLedgerEqualsExchange(BotFixture f) {
        List<Order> ledgerOrders = f.ledger.read(LedgerSession::allOrders);
        PaperExchange.Contents venue = f.exchange.snapshot();
        assertEquals(ledgerOrders.size(), ledgerOrders.stream().map(Order::clientOrderId).distinct().count(),
                "no client order id used twice in the ledger");
        assertEquals(venue.orders().size(), venue.orders().stream().map(ExchangeOrder::clientOrderId).distinct()
                .count(), "no client order id used twice on the exchange");
        assertEquals(sent(ledgerOrders), venueView(venue.orders()), "orders: ledger = exchange");
        assertEquals(fills(f.ledger.read(LedgerSession::allFills)), trades(venue.trades()), "fills: ledger = exchange");
        assertOneOpenStopPerOpenPosition(f, ledgerOrders, venue.orders());
    }

    private static void assertOneOpenStopPerOpenPosition(BotFixture f, List<Order> ledgerOrders,
                                                         List<ExchangeOrder> venueOrders) {
        List<Position> open = f.ledger.read(LedgerSession::openPositions);
        List<ExchangeOrder> openOnVenue = venueOrders.stream().filter(o -> o.status().isOpen()).toList();
        for (Position p : open) {
            Set<String> ids = ledgerOrders.stream().filter(o -> o.positionId().equals(Optional.of(p.id()))
                    && o.purpose() == OrderPurpose.STOP).map(o -> o.clientOrderId().value()).collect(Collectors.toSet());
            List<ExchangeOrder> stops = openOnVenue.stream().filter(o -> ids.contains(o.clientOrderId().value())).toList();
            assertEquals(1, stops.size(), "position #" + p.id() + " has exactly one open stop on the exchange");
            assertEquals(p.stop().level().value(), stops.get(0).stopPrice().orElseThrow().setScale(8));
        }
        assertEquals(open.size(), openOnVenue.size(), "no open order on the exchange beyond the positions' stops");
    }

    private static Map<String, String> sent(List<Order> orders) {
        return orders.stream().filter(o -> o.exchangeOrderId().isPresent()).collect(Collectors.toMap(
                o -> o.clientOrderId().value(), o -> o.exchangeOrderId().get() + " " + o.side() + " " + o.type()
                        + " " + o.quantity() + " " + o.state() + " " + o.executed(), (a, b) -> a, TreeMap::new));
    }

    private static Map<String, String> venueView(List<ExchangeOrder> orders) {
        return orders.stream().collect(Collectors.toMap(o -> o.clientOrderId().value(),
                o -> o.exchangeOrderId() + " " + o.side() + " " + o.type() + " " + new Quantity(o.quantity()) + " "
                        + OrderState.of(o.status()) + " " + new Quantity(o.executedQuantity()), (a, b) -> a,
                TreeMap::new));
    }

    private static Map<String, String> fills(List<Fill> fills) {
        return fills.stream().collect(Collectors.toMap(Fill::exchangeFillId, x -> x.price() + " " + x.quantity() + " "
                + x.fee() + " " + x.feeAsset() + " " + x.filledAt(), (a, b) -> a, TreeMap::new));
    }

    private static Map<String, String> trades(List<ExchangeTrade> trades) {
        return trades.stream().collect(Collectors.toMap(ExchangeTrade::fillId, t -> new Price(t.price()) + " "
                + new Quantity(t.quantity()) + " " + new Quantity(t.commission()) + " " + t.commissionAsset() + " "
                + t.time(), (a, b) -> a, TreeMap::new));
    }

    private static Map<String, Long> decisionCounts(BotFixture f) {
        return f.ledger.read(s -> s.allOrders()).isEmpty() ? Map.of() : countDecisions(f);
    }

    private static Map<String, Long> countDecisions(BotFixture f) {
        try (var c = f.database.connect(); var s = c.createStatement();
             var r = s.executeQuery("SELECT decision, count(*) FROM trade_decisions GROUP BY decision")) {
            Map<String, Long> counts = new TreeMap<>();
            while (r.next()) {
                counts.put(r.getString(1), r.getLong(2));
            }
            return counts;
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static long raisedStops(BotFixture f) {
        return f.ledger.read(LedgerSession::allOrders).stream().filter(o -> o.purpose() == OrderPurpose.STOP
                && o.state() == OrderState.CANCELED && o.cancelRequestedAt().isPresent()).count();
    }

}
