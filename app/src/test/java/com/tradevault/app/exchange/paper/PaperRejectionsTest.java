package com.tradevault.app.exchange.paper;

import static com.tradevault.app.exchange.paper.PaperFixture.limit;
import static com.tradevault.app.exchange.paper.PaperFixture.market;
import static com.tradevault.app.exchange.paper.PaperFixture.stop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.OrderRejected;
import com.tradevault.app.exchange.OrderRejected.Reason;
import com.tradevault.app.exchange.OrderRequest;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.Side;
import com.tradevault.core.testing.MutableClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

/** What a real venue refuses, with Binance's codes and messages; a refused order leaves no trace. */
class PaperRejectionsTest {

    @TempDir
    Path dir;
    PaperExchange exchange;

    @BeforeEach
    void open() {
        exchange = PaperExchange.open(PaperFixture.settings(dir), new MutableClock(Instant.parse("2026-01-05T10:00:00Z")));
    }

    @AfterEach
    void close() {
        exchange.close();
    }

    @Test
    void buyingForMoreThanTheFreeQuoteIsInsufficientBalance() {
        assertRejected(Reason.INSUFFICIENT_BALANCE, -2010, "Account has insufficient balance for requested action.",
                () -> exchange.place(market(Side.BUY, "10.001", "tv-1")));
    }

    @Test
    void sellingMoreThanTheFreeBaseIsInsufficientBalance() {
        assertRejected(Reason.INSUFFICIENT_BALANCE, -2010, "Account has insufficient balance for requested action.",
                () -> exchange.place(market(Side.SELL, "1.001", "tv-1")));
    }

    @Test
    void whatAnOpenOrderLocksCannotBeSpentTwice() {
        exchange.place(limit(Side.BUY, "10", "90", "tv-1"));
        assertRejected(Reason.INSUFFICIENT_BALANCE, -2010, "Account has insufficient balance for requested action.",
                () -> exchange.place(limit(Side.BUY, "2", "90", "tv-2")));
        exchange.place(stop(Side.SELL, "1", "80", "tv-3"));
        assertRejected(Reason.INSUFFICIENT_BALANCE, -2010, "Account has insufficient balance for requested action.",
                () -> exchange.place(market(Side.SELL, "0.1", "tv-4")));
    }

    @Test
    void belowMinimumNotionalIsRejected() {
        assertRejected(Reason.MIN_NOTIONAL, -1013, "Filter failure: NOTIONAL",
                () -> exchange.place(market(Side.BUY, "0.049", "tv-1")));
    }

    @Test
    void aPriceOffTheTickSizeIsRejected() {
        assertRejected(Reason.PRICE_FILTER, -1013, "Filter failure: PRICE_FILTER",
                () -> exchange.place(limit(Side.BUY, "1", "90.005", "tv-1")));
        assertRejected(Reason.PRICE_FILTER, -1013, "Filter failure: PRICE_FILTER",
                () -> exchange.place(stop(Side.SELL, "1", "90.001", "tv-1")));
    }

    @Test
    void aQuantityOffTheLotSizeOrBelowTheMinimumIsRejected() {
        assertRejected(Reason.LOT_SIZE, -1013, "Filter failure: LOT_SIZE",
                () -> exchange.place(market(Side.BUY, "0.1005", "tv-1")));
        assertRejected(Reason.LOT_SIZE, -1013, "Filter failure: LOT_SIZE",
                () -> exchange.place(limit(Side.BUY, "0.0009", "90", "tv-1")));
    }

    @Test
    void aClientOrderIdIsUniqueAmongOpenOrdersOnlyAsOnBinance() {
        exchange.place(limit(Side.BUY, "0.1", "90", "tv-1"));
        assertRejected(Reason.DUPLICATE_CLIENT_ORDER_ID, -2010, "Duplicate order sent.",
                () -> exchange.place(market(Side.BUY, "0.1", "tv-1")));
        exchange.cancel("BTCUSDT", new ClientOrderId("tv-1"));
        ExchangeOrder again = exchange.place(market(Side.BUY, "0.1", "tv-1"));
        assertEquals(2, exchange.allOrders("BTCUSDT").size());
        assertEquals(again, exchange.orderByClientId("BTCUSDT", new ClientOrderId("tv-1")).orElseThrow(),
                "a client id names its newest order");
    }

    @Test
    void aStopThatWouldTriggerAtOnceIsRejected() {
        assertRejected(Reason.WOULD_TRIGGER_IMMEDIATELY, -2010, "Stop price would trigger immediately.",
                () -> exchange.place(stop(Side.SELL, "0.1", "100", "tv-1")));
        assertRejected(Reason.WOULD_TRIGGER_IMMEDIATELY, -2010, "Stop price would trigger immediately.",
                () -> exchange.place(stop(Side.BUY, "0.1", "99", "tv-2")));
    }

    @Test
    void anUnknownSymbolIsRejected() {
        OrderRequest eth = new OrderRequest("ETHUSDT", Side.BUY, OrderType.MARKET, BigDecimal.ONE, Optional.empty(),
                Optional.empty(), new ClientOrderId("tv-1"));
        assertRejected(Reason.UNKNOWN_SYMBOL, -1121, "Invalid symbol.", () -> exchange.place(eth));
    }

    @Test
    void aLimitWithoutPriceOrAMarketWithOneIsRejected() {
        OrderRequest noPrice = new OrderRequest("BTCUSDT", Side.BUY, OrderType.LIMIT, BigDecimal.ONE,
                Optional.empty(), Optional.empty(), new ClientOrderId("tv-1"));
        assertRejected(Reason.OTHER, -1102,
                "Mandatory parameter 'price' was not sent, was empty/null, or malformed.", () -> exchange.place(noPrice));
        OrderRequest marketWithPrice = new OrderRequest("BTCUSDT", Side.BUY, OrderType.MARKET, BigDecimal.ONE,
                Optional.of(BigDecimal.TEN), Optional.empty(), new ClientOrderId("tv-2"));
        assertRejected(Reason.OTHER, -1106, "Parameter 'price' sent when not required.",
                () -> exchange.place(marketWithPrice));
    }

    @Test
    void aRejectedOrderLeavesBalancesAndOrdersUntouched() {
        assertThrows(OrderRejected.class, () -> exchange.place(market(Side.BUY, "11", "tv-1")));
        assertEquals(List.of(), exchange.allOrders("BTCUSDT"));
        assertEquals("1000/0", exchange.balances().get("USDT").free().toPlainString() + "/"
                + exchange.balances().get("USDT").locked().toPlainString());
    }

    private static void assertRejected(Reason reason, int code, String message, Executable placing) {
        OrderRejected e = assertThrows(OrderRejected.class, placing);
        assertEquals(List.of(reason, code, message), List.of(e.reason(), e.code(), e.getMessage()));
    }
}
