package com.tradevault.app.ledger.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.Side;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.LedgerFailure;
import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.trading.Decision;
import com.tradevault.app.trading.Dust;
import com.tradevault.app.trading.Fill;
import com.tradevault.app.trading.Money;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderPurpose;
import com.tradevault.app.trading.OrderState;
import com.tradevault.app.trading.Position;
import com.tradevault.app.trading.Price;
import com.tradevault.app.trading.Quantity;
import com.tradevault.app.trading.Trail;
import com.tradevault.app.trading.TrailingStop;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ledger adapter's behaviour, the same on every backend. */
final class LedgerScenarios {

    static final Instant T0 = Instant.parse("2026-11-21T08:00:00.123456Z");
    static final SymbolRules RULES = new SymbolRules("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.00001"), new BigDecimal("0.00001"), new BigDecimal("5"),
            java.util.Set.of(com.tradevault.app.exchange.OrderType.MARKET, com.tradevault.app.exchange.OrderType.STOP_LOSS,
                    com.tradevault.app.exchange.OrderType.STOP_LOSS_LIMIT), false, false, java.util.Optional.empty());

    private LedgerScenarios() {
    }

    static Order entryIntent(String clientId) {
        return Order.intent(new ClientOrderId(clientId), Optional.empty(), "BTCUSDT", Side.BUY, OrderType.MARKET,
                OrderPurpose.ENTRY, Quantity.of("0.00213"), Optional.empty(), T0);
    }

    /** An order, a fill and a position written and read back exactly, timestamps to the microsecond. */
    static void roundTripsOrderFillAndPosition(Ledger ledger) {
        Order intent = ledger.transaction(s -> s.insertOrder(entryIntent("tv-e-roundtrip")));
        Position opened = ledger.transaction(s -> {
            Position p = s.insertPosition(Position.open("BTCUSDT", Quantity.of("0.00213"), new BigDecimal("100.03"),
                    e -> TrailingStop.from(e, Trail.percent("0.5"), RULES), T0));
            s.updateOrder(intent.filling(Quantity.of("0.00213"), p.id(), T0.plusMillis(1)));
            s.insertFill(new Fill("BTCUSDT:7", intent.id(), Price.of("46962.44"), Quantity.of("0.00213"),
                    Quantity.of("0.00000213"), "BTC", T0.plusMillis(1)));
            return p;
        });
        Order stored = ledger.read(s -> s.order(intent.clientOrderId())).orElseThrow();
        assertEquals(OrderState.FILLED, stored.state());
        assertEquals(Optional.of(opened.id()), stored.positionId());
        assertEquals(T0, stored.createdAt());
        assertEquals(opened, ledger.read(s -> s.position(opened.id())).orElseThrow());
        assertEquals(List.of(new Fill("BTCUSDT:7", intent.id(), Price.of("46962.44"), Quantity.of("0.00213"),
                Quantity.of("0.00000213"), "BTC", T0.plusMillis(1))), ledger.read(s -> s.allFills()));
        assertTrue(ledger.<Boolean>read(s -> s.hasFill("BTCUSDT:7")));
        assertFalse(ledger.<Boolean>read(s -> s.hasFill("BTCUSDT:8")));
    }

    /**
     * Venues number orders per symbol (Binance): orders of two symbols with the
     * same venue id are both recorded, each found by its symbol, and read back
     * with the venue's own id.
     */
    static void keepsTheSameVenueOrderIdOnTwoSymbols(Ledger ledger) {
        Order btc = ledger.transaction(s -> s.insertOrder(numbered(entryIntent("tv-e-btc"), "12345")));
        Order eth = ledger.transaction(s -> s.insertOrder(Order.intent(new ClientOrderId("tv-e-eth"), Optional.empty(),
                "ETHUSDT", Side.BUY, OrderType.MARKET, OrderPurpose.ENTRY, Quantity.of("0.05"), Optional.empty(), T0)));
        ledger.transaction(s -> {
            s.updateOrder(numbered(eth, "12345"));
            return null;
        });

        assertEquals(Optional.of(btc.clientOrderId()),
                ledger.read(s -> s.orderByExchangeId("BTCUSDT", "12345")).map(Order::clientOrderId));
        assertEquals(Optional.of(eth.clientOrderId()),
                ledger.read(s -> s.orderByExchangeId("ETHUSDT", "12345")).map(Order::clientOrderId));
        assertEquals(Optional.empty(), ledger.read(s -> s.orderByExchangeId("SOLUSDT", "12345")));
        assertEquals(List.of(Optional.of("12345"), Optional.of("12345")),
                ledger.read(s -> s.allOrders()).stream().map(Order::exchangeOrderId).toList());
    }

    /**
     * Reconciliation reads only the orders it must settle (unfinished, or filled on the venue
     * with fills the ledger lacks) and the symbols traded, not every order of the history.
     */
    static void listsTheOrdersReconciliationMustSettleAndTheSymbolsTraded(Ledger ledger) {
        Map<String, Order> stored = new LinkedHashMap<>();
        for (String[] o : new String[][] {{"tv-a", "BTCUSDT", "INTENT"}, {"tv-b", "BTCUSDT", "NEW"},
                {"tv-c", "ETHUSDT", "PARTIALLY_FILLED"}, {"tv-d", "BTCUSDT", "FILLED complete"},
                {"tv-e", "ETHUSDT", "FILLED"}, {"tv-f", "BTCUSDT", "CANCELED"}, {"tv-g", "SOLUSDT", "EXPIRED"}}) {
            Order intent = Order.intent(new ClientOrderId(o[0]), Optional.empty(), o[1], Side.BUY, OrderType.MARKET,
                    OrderPurpose.ENTRY, Quantity.of("0.002"), Optional.empty(), T0);
            Order order = o[2].equals("FILLED complete") ? new Order(0, intent.clientOrderId(), Optional.empty(),
                    Optional.empty(), o[1], Side.BUY, OrderType.MARKET, OrderPurpose.ENTRY, Quantity.of("0.002"),
                    Optional.empty(), Optional.empty(), Quantity.of("0.002"), OrderState.FILLED, T0, T0,
                    Optional.empty(), Optional.empty()) : intent.withState(OrderState.valueOf(o[2]), T0);
            stored.put(o[0], ledger.transaction(s -> s.insertOrder(order)));
        }
        assertEquals(List.of("tv-a", "tv-b", "tv-c", "tv-e"), ledger.read(s -> s.unsettledOrders()).stream()
                .map(o -> o.clientOrderId().value()).toList(), "unfinished, and filled without its fills");
        assertEquals(stored.get("tv-e"), ledger.read(s -> s.unsettledOrders()).get(3), "read back whole");
        assertEquals(java.util.Set.of("BTCUSDT", "ETHUSDT", "SOLUSDT"), ledger.read(s -> s.orderedSymbols()));
    }

    /** {@code o} as the venue acknowledged it under {@code venueId}. */
    private static Order numbered(Order o, String venueId) {
        return new Order(o.id(), o.clientOrderId(), Optional.of(venueId), o.positionId(), o.symbol(), o.side(),
                o.type(), o.purpose(), o.quantity(), o.price(), o.stopPrice(), o.executed(), OrderState.NEW,
                o.createdAt(), o.updatedAt(), o.cancelRequestedAt(), o.trailingDelta());
    }

    /** A client order id is used once: a second insert with it fails and leaves nothing of its transaction. */
    static void refusesAClientOrderIdTwice(Ledger ledger) {
        ledger.transaction(s -> s.insertOrder(entryIntent("tv-e-twice")));
        assertThrows(LedgerFailure.class, () -> ledger.transaction(s -> {
            s.audit("about-to-fail", Map.of("n", 1), T0);
            return s.insertOrder(entryIntent("tv-e-twice"));
        }));
        assertEquals(1, ledger.read(s -> s.allOrders()).size());
    }

    /** Decisions keep their JSON payload, decimals exact; the cursor and last price are upserted. */
    static void keepsDecisionsCursorAndLastPrice(Ledger ledger) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("price", new BigDecimal("46962.44000001"));
        payload.put("lookback", 20);
        Decision skip = Decision.skip("BTCUSDT", T0, "no-breakout", payload);
        ledger.transaction(s -> {
            s.insertDecision(skip);
            s.setTradeCursor("BTCUSDT", 41, T0);
            s.setTradeCursor("BTCUSDT", 42, T0);
            s.setLastPrice("BTCUSDT", Price.of("46962.44"), T0);
            return null;
        });
        assertEquals(Optional.of(skip), ledger.read(s -> s.lastDecision()));
        assertEquals(42L, ledger.<Long>read(s -> s.tradeCursor("BTCUSDT")));
        assertEquals(-1L, ledger.<Long>read(s -> s.tradeCursor("ETHUSDT")));
        assertEquals(Price.of("46962.44"), ledger.read(s -> s.lastPrice("BTCUSDT")).orElseThrow().price());
    }

    /**
     * A symbol's decisions come newest first (in the order they were decided, schema v8 reads them by id
     * through the symbol's index), filtered by outcome and by a time window, other symbols left out.
     */
    static void listsASymbolsDecisionsNewestFirstWithinATimeWindow(Ledger ledger) {
        ledger.transaction(s -> {
            for (int i = 0; i < 8; i++) {
                String symbol = i % 2 == 0 ? "BTCUSDT" : "ETHUSDT";
                Map<String, Object> payload = Map.of("price", i);
                s.insertDecision(i == 4 ? Decision.of(symbol, T0.plusSeconds(i), Decision.Kind.HOLD, payload)
                        : Decision.skip(symbol, T0.plusSeconds(i), "no-breakout", payload));
            }
            return null;
        });
        LedgerSession.DecisionFilter window = new LedgerSession.DecisionFilter(Optional.of("BTCUSDT"), Optional.empty(),
                Optional.of(T0.plusSeconds(1)), Optional.of(T0.plusSeconds(6)));
        assertEquals(List.of(T0.plusSeconds(4), T0.plusSeconds(2)), ledger.read(s -> s.decisions(window, 10))
                .stream().map(Decision::decidedAt).toList());
        LedgerSession.DecisionFilter skips = new LedgerSession.DecisionFilter(Optional.of("BTCUSDT"),
                Optional.of(Decision.Kind.SKIP), Optional.empty(), Optional.empty());
        assertEquals(List.of(T0.plusSeconds(6), T0.plusSeconds(2)), ledger.read(s -> s.decisions(skips, 2))
                .stream().map(Decision::decidedAt).toList());
    }

    /**
     * A window in the past holds exactly its rows, newest first, though the time is found by id
     * (schema v8): also a row decided 24 s before the row ahead of it (the clock stepped back, within
     * {@link DecisionIds#MARGIN}) just inside the window's end, 50 rows after it in id order.
     */
    static void findsAWindowInThePastByIdAlsoWithTheClockSteppedBack(Ledger ledger) {
        ledger.transaction(s -> {
            for (int i = 0; i < 300; i++) {
                String symbol = i % 2 == 0 ? "BTCUSDT" : "ETHUSDT";
                int second = i == 180 ? 155 : i;
                s.insertDecision(Decision.skip(symbol, T0.plusSeconds(second), "no-breakout", Map.of("price", i)));
            }
            return null;
        });
        assertEquals(List.of(155L, 158L, 156L, 154L, 152L, 150L), windowSeconds(ledger, 150, 160, 100),
                "the out-of-order row (decided later, id after 158) first");
        assertEquals(List.of(28L, 26L, 24L), windowSeconds(ledger, 10, 30, 3));
        assertEquals(List.of(298L), windowSeconds(ledger, 297, 400, 100));
        assertEquals(List.of(), windowSeconds(ledger, 400, 500, 100));
        assertEquals(List.of(), windowSeconds(ledger, -100, 0, 100));
    }

    private static List<Long> windowSeconds(Ledger ledger, int from, int to, int limit) {
        LedgerSession.DecisionFilter window = new LedgerSession.DecisionFilter(Optional.of("BTCUSDT"), Optional.empty(),
                Optional.of(T0.plusSeconds(from)), Optional.of(T0.plusSeconds(to)));
        return ledger.read(s -> s.decisions(window, limit)).stream()
                .map(d -> d.decidedAt().getEpochSecond() - T0.getEpochSecond()).toList();
    }

    /** Realized P&L adds up over positions, and a cancel request survives the round trip. */
    static void sumsRealizedPnlAndKeepsCancelRequests(Ledger ledger) {
        Order stop = ledger.transaction(s -> {
            Position p = s.insertPosition(Position.open("BTCUSDT", Quantity.of("1"), new BigDecimal("100"),
                    e -> TrailingStop.from(e, Trail.absolute("2"), RULES), T0));
            s.updatePosition(p.selling(Quantity.of("1"), Price.of("103.5"), new BigDecimal("0.1"), T0).closed(T0));
            return s.insertOrder(Order.intent(new ClientOrderId("tv-s-keep"), Optional.of(p.id()), "BTCUSDT",
                    Side.SELL, OrderType.STOP_LOSS, OrderPurpose.STOP, Quantity.of("1"), Optional.of(Price.of("98")),
                    T0));
        });
        ledger.transaction(s -> {
            s.updateOrder(stop.cancelRequested(T0.plusSeconds(1)));
            return null;
        });
        assertEquals(Money.of("3.4"), ledger.read(s -> s.realizedPnl()));
        assertEquals(Optional.of(T0.plusSeconds(1)), ledger.read(s -> s.order(stop.clientOrderId()))
                .orElseThrow().cancelRequestedAt());
        assertEquals(List.of(), ledger.read(s -> s.openPositions()));
        assertEquals(1, ledger.read(s -> s.unfinishedOrders()).size());
    }

    /**
     * Schema v7: a stop the exchange trails is recorded with its trailing delta and no stop price (as one
     * lost from the ledger and adopted from the venue is), and a symbol's dust is kept exactly.
     */
    static void keepsAVenueTrailedStopWithoutAStopPriceAndTheDust(Ledger ledger) {
        Order stop = ledger.transaction(s -> s.insertOrder(Order.intent(new ClientOrderId("tv-s-venue"),
                Optional.empty(), "BTCUSDT", Side.SELL, OrderType.STOP_LOSS_LIMIT, OrderPurpose.STOP,
                Quantity.of("0.00299"), Optional.of(Price.of("29551.5")), Optional.empty(), T0)
                .trailedBy(Optional.of(150))));
        ledger.transaction(s -> {
            s.putDust(new Dust("BTCUSDT", "BTC", Quantity.of("0.000007"), T0));
            s.putDust(new Dust("BTCUSDT", "BTC", Quantity.of("0.00000487"), T0.plusSeconds(1)));
            return null;
        });
        Order read = ledger.read(s -> s.order(stop.clientOrderId())).orElseThrow();
        assertEquals(Optional.of(150), read.trailingDelta());
        assertEquals(Optional.empty(), read.stopPrice());
        assertEquals(Optional.of(Price.of("29551.5")), read.price());
        assertEquals(List.of(new Dust("BTCUSDT", "BTC", Quantity.of("0.00000487"), T0.plusSeconds(1))),
                ledger.read(s -> s.allDust()));
        assertThrows(LedgerFailure.class, () -> ledger.transaction(s -> s.insertOrder(Order.intent(
                new ClientOrderId("tv-s-none"), Optional.empty(), "BTCUSDT", Side.SELL, OrderType.STOP_LOSS,
                OrderPurpose.STOP, Quantity.of("0.001"), Optional.empty(), T0))), "a stop with neither trigger");
    }
}
