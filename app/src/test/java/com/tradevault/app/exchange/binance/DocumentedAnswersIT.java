package com.tradevault.app.exchange.binance;

import static com.tradevault.app.exchange.binance.DocumentedVenue.error;
import static com.tradevault.app.exchange.binance.DocumentedVenue.ok;
import static com.tradevault.app.exchange.binance.DocumentedVenue.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.exchange.AccountStatus;
import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.ExchangeTrade;
import com.tradevault.app.exchange.OrderRequest;
import com.tradevault.app.exchange.OrderStatus;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.Side;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.app.exchange.UnreadableAnswer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The adapter reads every answer shape rest-api.md documents, served by a stub venue, never by our paper server. */
class DocumentedAnswersIT {

    private final DocumentedVenue venue = new DocumentedVenue();
    private final BinanceExchange adapter = venue.adapter();

    @AfterEach
    void stop() {
        venue.close();
    }

    static OrderRequest stopLimit(String id) {
        return new OrderRequest("BTCUSDT", Side.SELL, OrderType.STOP_LOSS_LIMIT, new BigDecimal("0.003"),
                Optional.of(new BigDecimal("29550")), Optional.of(new BigDecimal("29700")), new ClientOrderId(id));
    }

    @Test
    void aResultAnswerLackingTheFullOrdersFieldsIsReadAsANotYetTriggeredStop() {
        venue.answer("POST /api/v3/order", ok(resource("order-result.json")));
        ExchangeOrder o = adapter.place(stopLimit("tv-stop-1"));
        assertEquals(List.of("28", "tv-stop-1", "STOP_LOSS_LIMIT", "NEW", "0.003", "0", "29550", "29700"),
                List.of(o.exchangeOrderId(), o.clientOrderId().value(), o.type().name(), o.status().name(),
                        o.quantity().toPlainString(), o.executedQuantity().toPlainString(),
                        o.price().orElseThrow().toPlainString(), o.stopPrice().orElseThrow().toPlainString()));
        assertFalse(o.working(), "workingTime -1: not triggered");
        assertEquals(Instant.ofEpochMilli(1507725176595L), o.createdAt());
        Map<String, String> sent = venue.sentTo("POST /api/v3/order").get(0).params();
        assertEquals("GTC", sent.get("timeInForce"));
        assertEquals("RESULT", sent.get("newOrderRespType"));
        assertEquals("tv-stop-1", sent.get("newClientOrderId"));
    }

    @Test
    void aFullAnswerWithFillsIsReadAsTheFilledOrder() {
        venue.answer("POST /api/v3/order", ok(resource("order-full.json")));
        ExchangeOrder o = adapter.place(new OrderRequest("BTCUSDT", Side.BUY, OrderType.MARKET, BigDecimal.TEN,
                Optional.empty(), Optional.empty(), new ClientOrderId("tv-entry-1")));
        assertEquals(OrderStatus.FILLED, o.status());
        assertEquals("39986", o.cumulativeQuote().toPlainString());
        assertEquals(Optional.empty(), o.price(), "a market order's price 0.00000000 means none");
        assertTrue(o.working());
        assertFalse(venue.sentTo("POST /api/v3/order").get(0).params().containsKey("timeInForce"));
    }

    @Test
    void anAckAnswerCarriesNoStateSoTheOrderIsAskedForByClientId() {
        venue.answer("POST /api/v3/order", ok(resource("order-ack.json")));
        venue.answer("GET /api/v3/order", ok(resource("order-query.json")));
        ExchangeOrder o = adapter.place(stopLimit("tv-stop-1"));
        assertEquals(OrderStatus.NEW, o.status());
        assertEquals("tv-stop-1", venue.sentTo("GET /api/v3/order").get(0).params().get("origClientOrderId"));
    }

    @Test
    void aVenueTrailedStopSendsItsTrailingDelta() {
        venue.answer("POST /api/v3/order", ok(resource("order-result.json")));
        adapter.place(new OrderRequest("BTCUSDT", Side.SELL, OrderType.STOP_LOSS_LIMIT, new BigDecimal("0.003"),
                Optional.of(new BigDecimal("29550")), Optional.empty(), Optional.of(100), new ClientOrderId("tv-t1")));
        Map<String, String> sent = venue.sentTo("POST /api/v3/order").get(0).params();
        assertEquals("100", sent.get("trailingDelta"));
        assertFalse(sent.containsKey("stopPrice"));
    }

    @Test
    void aQueryAnswerWithEveryConditionalFieldAndAnUnknownOneIsRead() {
        venue.answer("GET /api/v3/order", ok(resource("order-query.json")));
        ExchangeOrder o = adapter.orderByClientId("BTCUSDT", new ClientOrderId("tv-stop-1")).orElseThrow();
        assertEquals(Instant.ofEpochMilli(1499827319559L), o.createdAt());
        assertEquals(Instant.ofEpochMilli(1499827319560L), o.updatedAt());
        assertFalse(o.working());
        assertEquals(Optional.of(100), o.trailingDelta());
    }

    @Test
    void anOrderWithoutATrailingDeltaReadsAsNotTrailed() {
        venue.answer("GET /api/v3/order", ok(resource("order-query.json").replace("\"trailingDelta\": 100,", "")));
        ExchangeOrder o = adapter.orderByClientId("BTCUSDT", new ClientOrderId("tv-stop-1")).orElseThrow();
        assertEquals(Optional.empty(), o.trailingDelta());
    }

    @Test
    void everyDocumentedOrderTypeAndStatusIsReadAndForeignClientIdsAreKept() {
        venue.answer("GET /api/v3/openOrders", ok(resource("every-type-and-status.json")));
        List<ExchangeOrder> orders = adapter.openOrders(Optional.empty());
        assertEquals(EnumSet.allOf(OrderStatus.class), orders.stream().map(ExchangeOrder::status)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(OrderStatus.class))));
        assertEquals(EnumSet.allOf(OrderType.class), orders.stream().map(ExchangeOrder::type)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(OrderType.class))));
        assertEquals(List.of("tv-a1", "tv-a2"), orders.stream().filter(o -> o.clientOrderId().isOurs())
                .map(o -> o.clientOrderId().value()).toList());
        assertEquals(7, orders.stream().filter(o -> !o.clientOrderId().isOurs()).count());
    }

    @Test
    void aCancelAnswerNamesTheOrdersClientIdAsOrigClientOrderId() {
        venue.answer("DELETE /api/v3/order", ok(resource("cancel.json")));
        ExchangeOrder o = adapter.cancel("BTCUSDT", new ClientOrderId("tv-stop-1"));
        assertEquals("tv-stop-1", o.clientOrderId().value());
        assertEquals(OrderStatus.CANCELED, o.status());
        assertEquals(Instant.ofEpochMilli(1684804350068L), o.updatedAt());
    }

    @Test
    void tradesAccountAveragePriceAndKlinesAreRead() {
        venue.answer("GET /api/v3/myTrades", ok(resource("my-trades.json")));
        venue.answer("GET /api/v3/account", ok(resource("account.json")));
        venue.answer("GET /api/v3/avgPrice", ok(resource("avg-price.json")));
        venue.answer("GET /api/v3/klines", ok(resource("klines.json")));
        ExchangeTrade t = adapter.tradesAfter("BTCUSDT", -1).get(0);
        assertEquals(List.of("BTCUSDT:28457", "100234", "BUY", "0.000003", "BTC"), List.of(t.fillId(),
                t.exchangeOrderId(), t.side().name(), t.commission().toPlainString(), t.commissionAsset()));
        AccountStatus account = adapter.account();
        assertTrue(account.canTrade());
        assertEquals(List.of("SPOT"), account.permissions());
        assertEquals("1000.5", account.balances().get("USDT").free().toPlainString());
        assertEquals("30012.35751834", adapter.averagePrice("BTCUSDT").toPlainString());
        assertEquals("30800", adapter.candles("BTCUSDT", Instant.ofEpochMilli(1499040000000L),
                Instant.ofEpochMilli(1499040060000L)).get(0).high().toPlainString());
    }

    @Test
    void exchangeInfoGivesTheSymbolsRulesWithoutStopLoss() {
        venue.answer("GET /api/v3/exchangeInfo", ok(resource("exchange-info-btcusdt.json")));
        SymbolRules r = adapter.rules("BTCUSDT");
        assertEquals(Set.of(OrderType.LIMIT, OrderType.LIMIT_MAKER, OrderType.MARKET, OrderType.STOP_LOSS_LIMIT,
                OrderType.TAKE_PROFIT_LIMIT), r.orderTypes());
        assertEquals(Optional.of(OrderType.STOP_LOSS_LIMIT), r.protectiveStopType());
        assertEquals(List.of("0.01", "0.00001", "0.00001", "5", "0.2", "5"), List.of(r.tickSize().toPlainString(),
                r.stepSize().toPlainString(), r.minQuantity().toPlainString(), r.minNotional().toPlainString(),
                r.sellPriceBand().orElseThrow().multiplierDown().toPlainString(),
                r.sellPriceBand().orElseThrow().multiplierUp().toPlainString()));
        assertTrue(r.trailingStopAllowed());
        assertTrue(r.cancelReplaceAllowed());
        assertEquals(Optional.of(new SymbolRules.DeltaRange(10, 2000)), r.sellTrailingDelta());
    }

    @Test
    void aSellStopsTrailingDeltaRangeIsTheBelowOne() {
        venue.answer("GET /api/v3/exchangeInfo", ok(resource("exchange-info-btcusdt.json")
                .replace("\"maxTrailingBelowDelta\": 2000", "\"maxTrailingBelowDelta\": 1500")
                .replace("\"minTrailingBelowDelta\": 10", "\"minTrailingBelowDelta\": 20")));
        assertEquals(Optional.of(new SymbolRules.DeltaRange(20, 1500)), adapter.rules("BTCUSDT").sellTrailingDelta(),
                "TRAILING_DELTA: minTrailingBelowDelta..maxTrailingBelowDelta bound a sell stop (trailing-stop FAQ)");
    }

    @Test
    void anAnswerWithoutAStatusNamesTheEndpointAndTheField() {
        venue.answer("GET /api/v3/order", ok(resource("order-query.json").replace("\"status\": \"NEW\",", "")));
        UnreadableAnswer e = assertThrows(UnreadableAnswer.class,
                () -> adapter.orderByClientId("BTCUSDT", new ClientOrderId("tv-stop-1")));
        assertEquals("cannot read the answer of GET /api/v3/order: field 'status' is missing; the venue may have"
                + " changed its API: report this with the endpoint and field", e.getMessage());
    }

    @Test
    void anUndocumentedOrderTypeNamesTheValueAndTheDocumentedOnes() {
        venue.answer("GET /api/v3/openOrders", ok("[" + resource("order-query.json")
                .replace("\"STOP_LOSS_LIMIT\"", "\"PEGGED_SOMETHING\"") + "]"));
        UnreadableAnswer e = assertThrows(UnreadableAnswer.class, () -> adapter.openOrders(Optional.of("BTCUSDT")));
        assertEquals("cannot read the answer of GET /api/v3/openOrders: field 'type' is 'PEGGED_SOMETHING', not one"
                + " of MARKET, LIMIT, STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT, TAKE_PROFIT_LIMIT, LIMIT_MAKER; the"
                + " venue may have changed its API: report this with the endpoint and field", e.getMessage());
    }

    @Test
    void aQuantityThatIsNotADecimalNamesTheField() {
        venue.answer("GET /api/v3/myTrades", ok(resource("my-trades.json").replace("\"0.00300000\"", "\"lots\"")));
        UnreadableAnswer e = assertThrows(UnreadableAnswer.class, () -> adapter.tradesAfter("BTCUSDT", -1));
        assertEquals("cannot read the answer of GET /api/v3/myTrades: field 'qty' is \"lots\", not a decimal; the"
                + " venue may have changed its API: report this with the endpoint and field", e.getMessage());
    }

    @Test
    void anAnswerThatIsNotJsonIsUnreadableNotAStackTrace() {
        venue.answer("GET /api/v3/avgPrice", ok("<html>maintenance</html>"));
        UnreadableAnswer e = assertThrows(UnreadableAnswer.class, () -> adapter.averagePrice("BTCUSDT"));
        assertEquals("cannot read the answer of GET /api/v3/avgPrice: it is not JSON: <html>maintenance</html>",
                e.getMessage());
    }

    @Test
    void anUnknownSymbolIsRefusedAsSuch() {
        venue.answer("GET /api/v3/exchangeInfo", error(400, -1121, "Invalid symbol."));
        var e = assertThrows(com.tradevault.app.exchange.OrderRejected.class, () -> adapter.rules("NOPEUSDT"));
        assertEquals(com.tradevault.app.exchange.OrderRejected.Reason.UNKNOWN_SYMBOL, e.reason());
    }
}
