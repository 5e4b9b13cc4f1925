package com.tradevault.app.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.OrderStatus;
import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.orders.ClientOrderIds;
import com.tradevault.app.orders.FillEvent;
import com.tradevault.app.orders.OrderDraft;
import com.tradevault.app.orders.PlacingOrders;
import com.tradevault.app.orders.ProtectingPositions;
import com.tradevault.app.orders.RecordingFills;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderPurpose;
import com.tradevault.app.trading.OrderState;
import com.tradevault.app.trading.Position;
import com.tradevault.app.trading.Price;
import com.tradevault.app.trading.Quantity;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write-ahead order flow against the real in-process paper exchange (BTCUSDT starts at 30000). */
class OrderFlowTest {

    @TempDir
    Path dir;

    private BotFixture f;
    private PlacingOrders placing;
    private RecordingFills fills;
    private ProtectingPositions protecting;

    @BeforeEach
    void wire() {
        f = new BotFixture(dir);
        placing = new PlacingOrders(f.ledger, f.exchange, f.clock, new ClientOrderIds(), Duration.ofSeconds(10));
        fills = new RecordingFills(f.ledger, f.exchange, placing, f.clock, f.settings.strategy().trail());
        protecting = new ProtectingPositions(f.ledger, f.exchange, placing, f.clock, new BigDecimal("0.1"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void anIntentWhoseAckWasLostIsAdoptedFromTheExchangeAndItsFillOpensTheProtectedPosition() {
        Order intent = f.ledger.transaction(s -> placing.recordIntent(s, buy("0.003")));
        ExchangeOrder executed = f.exchange.place(intent.request());

        Order adopted = placing.resolve(intent);
        List<FillEvent> events = fills.sync(BotFixture.SYMBOL);

        assertEquals(OrderState.FILLED, adopted.state());
        assertEquals(Optional.of(executed.exchangeOrderId()), adopted.exchangeOrderId());
        assertEquals(1, events.size());
        Position p = events.get(0).position();
        assertEquals(Quantity.of("0.002997"), p.quantity(), "0.003 less the 0.1% fee taken in BTC");
        Order stop = events.get(0).stopIntent().orElseThrow();
        assertEquals(OrderState.INTENT, stop.state(), "the stop intent is committed with the fill");
        assertEquals(Optional.of(Price.of("29850")), stop.stopPrice(), "0.5% below the 30000 fill");
        assertEquals(Quantity.of("0.00299"), stop.quantity());
    }

    @Test
    void anIntentTheExchangeNeverGotStaysAnIntentDuringTheGraceThenIsNeverSent() {
        Order intent = f.ledger.transaction(s -> placing.recordIntent(s, buy("0.003")));

        assertEquals(OrderState.INTENT, placing.resolve(intent).state());
        f.clock.advance(Duration.ofSeconds(10));
        assertEquals(OrderState.NEVER_SENT, placing.resolve(intent).state());
        assertEquals(List.of(), f.exchange.allOrders(BotFixture.SYMBOL));
    }

    @Test
    void aFillIsRecordedOnceEvenWhenTheExchangeReportsItAgain() {
        placing.place(buy("0.003"));
        assertEquals(1, fills.sync(BotFixture.SYMBOL).size());
        f.ledger.transaction(s -> {
            s.setTradeCursor(BotFixture.SYMBOL, -1, f.clock.instant());
            return null;
        });

        assertEquals(List.of(), fills.sync(BotFixture.SYMBOL));
        assertEquals(1, f.ledger.read(LedgerSession::allFills).size());
        assertEquals(Quantity.of("0.002997"), f.ledger.read(s -> s.openPosition(BotFixture.SYMBOL)).orElseThrow()
                .quantity());
    }

    @Test
    void anOrderTheExchangeRejectsIsKeptAsRejectedWithTheReasonInTheAuditLog() {
        Order rejected = placing.place(buy("0.0001"));

        assertEquals(OrderState.REJECTED, rejected.state());
        assertEquals(rejected, f.ledger.read(s -> s.order(rejected.clientOrderId())).orElseThrow());
    }

    @Test
    void anUnprotectedPositionWhosePriceFellThroughTheStopIsExitedAtMarket() {
        placing.place(buy("0.003"));
        fills.sync(BotFixture.SYMBOL).forEach(e -> e.stopIntent().ifPresent(placing::send));
        f.exchange.cancelAll(Optional.empty());
        f.exchange.setPrice(BotFixture.SYMBOL, new BigDecimal("29000"));
        Position open = f.ledger.read(s -> s.openPosition(BotFixture.SYMBOL)).orElseThrow();
        Order cancelled = f.ledger.read(s -> s.ordersOf(open.id())).get(1);
        placing.refresh(cancelled);

        List<String> actions = protecting.protect(open, Price.of("29000"));
        List<FillEvent> events = fills.sync(BotFixture.SYMBOL);

        assertTrue(actions.get(0).startsWith("exit at market tv-x-"), actions.toString());
        assertTrue(events.get(0).closed());
        assertEquals(OrderPurpose.EXIT, events.get(0).order().purpose());
        assertFalse(f.ledger.read(s -> s.openPosition(BotFixture.SYMBOL)).isPresent());
    }

    @Test
    void aNewHighReplacesTheStopByARecordedCancelThenANewOrder() {
        placing.place(buy("0.003"));
        fills.sync(BotFixture.SYMBOL).forEach(e -> e.stopIntent().ifPresent(placing::send));
        f.exchange.setPrice(BotFixture.SYMBOL, new BigDecimal("31000"));
        Position open = f.ledger.read(s -> s.openPosition(BotFixture.SYMBOL)).orElseThrow();

        Position moved = protecting.trail(open, Price.of("31000"));

        assertEquals(Price.of("30845"), moved.stop().level(), "0.5% below the new high");
        List<Order> stops = f.ledger.read(s -> s.ordersOf(open.id())).stream()
                .filter(o -> o.purpose() == OrderPurpose.STOP).toList();
        assertEquals(List.of(OrderState.CANCELED, OrderState.NEW), stops.stream().map(Order::state).toList());
        assertTrue(stops.get(0).cancelRequestedAt().isPresent());
        List<ExchangeOrder> open2 = f.exchange.openOrders(Optional.empty());
        assertEquals(1, open2.size());
        assertEquals(stops.get(1).clientOrderId(), open2.get(0).clientOrderId());
        assertEquals(OrderStatus.NEW, open2.get(0).status());
    }

    private static OrderDraft buy(String quantity) {
        return OrderDraft.marketBuy(BotFixture.SYMBOL, Quantity.of(quantity));
    }
}
