package com.tradevault.app.exchange.binance;

import static com.tradevault.app.exchange.paper.PaperFixture.limit;
import static com.tradevault.app.exchange.paper.PaperFixture.market;
import static com.tradevault.app.exchange.paper.PaperFixture.stop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.exchange.ApiCredentials;
import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.CredentialsRejected;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.ExchangeSettings;
import com.tradevault.app.exchange.ExchangeTrade;
import com.tradevault.app.exchange.NoSuchOrder;
import com.tradevault.app.exchange.OrderRejected;
import com.tradevault.app.exchange.OrderRejected.Reason;
import com.tradevault.app.exchange.OrderStatus;
import com.tradevault.app.exchange.Side;
import com.tradevault.app.exchange.SymbolRules;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Binance adapter against a running paper exchange server: signing, formats, error mapping. */
class BinanceAdapterIT {

    @TempDir
    Path dir;
    PaperVenue venue;
    BinanceExchange adapter;

    @BeforeEach
    void start() {
        venue = new PaperVenue(dir);
        adapter = venue.adapter();
    }

    @AfterEach
    void closeVenue() {
        venue.close();
    }

    @Test
    void aSignedOrderRoundTripsAndLooksTheSameThroughEveryLookup() {
        ExchangeOrder placed = adapter.place(limit(Side.BUY, "1", "90", "tv-a1"));
        assertEquals(List.of("BTCUSDT", "tv-a1", "NEW", "1", "90"), List.of(placed.symbol(),
                placed.clientOrderId().value(), placed.status().name(), placed.quantity().toPlainString(),
                placed.price().orElseThrow().toPlainString()));
        assertEquals(Optional.of(placed), adapter.orderByClientId("BTCUSDT", new ClientOrderId("tv-a1")));
        assertEquals(Optional.of(placed), adapter.orderByExchangeId("BTCUSDT", placed.exchangeOrderId()));
        assertEquals(List.of(placed), adapter.openOrders(Optional.of("BTCUSDT")));
        assertEquals(List.of(placed), adapter.allOrders("BTCUSDT"));
        assertEquals("910 / 90", adapter.balances().get("USDT").free().toPlainString() + " / "
                + adapter.balances().get("USDT").locked().toPlainString());
        ExchangeOrder cancelled = adapter.cancel("BTCUSDT", new ClientOrderId("tv-a1"));
        assertEquals(List.of(OrderStatus.CANCELED, "tv-a1"), List.of(cancelled.status(),
                cancelled.clientOrderId().value()));
        assertEquals(List.of(), adapter.openOrders(Optional.empty()));
    }

    @Test
    void fillsArriveAsTradesWithTheEnginesIdsPricesAndFees() {
        adapter.place(market(Side.BUY, "0.5", "tv-m1"));
        adapter.place(stop(Side.SELL, "0.5", "95", "tv-s1"));
        venue.control.setPrice("BTCUSDT", "94");
        List<ExchangeTrade> viaApi = adapter.tradesAfter("BTCUSDT", -1);
        List<ExchangeTrade> inEngine = venue.engine.tradesAfter("BTCUSDT", -1);
        assertEquals(2, viaApi.size());
        for (int i = 0; i < 2; i++) {
            ExchangeTrade a = viaApi.get(i);
            ExchangeTrade e = inEngine.get(i);
            assertEquals(List.of(e.fillId(), e.exchangeOrderId(), e.side(), e.price(), e.quantity(), e.commission(),
                    e.commissionAsset()), List.of(a.fillId(), a.exchangeOrderId(), a.side(), a.price(), a.quantity(),
                    a.commission(), a.commissionAsset()));
        }
        assertEquals(List.of(viaApi.get(1)), adapter.tradesAfter("BTCUSDT", viaApi.get(0).tradeId()));
        assertEquals(OrderStatus.FILLED, adapter.orderByClientId("BTCUSDT", new ClientOrderId("tv-s1"))
                .orElseThrow().status());
    }

    @Test
    void publicEndpointsGiveRulesPriceTimeAndCandles() {
        SymbolRules rules = adapter.rules("BTCUSDT");
        assertEquals(venue.engine.rules("BTCUSDT"), rules);
        venue.control.setPrice("BTCUSDT", "123.45");
        assertEquals(new BigDecimal("123.45"), adapter.lastPrice("BTCUSDT"));
        Instant now = Instant.now();
        assertTrue(Duration.between(adapter.serverTime(), now).abs().toSeconds() < 5);
        assertEquals(new BigDecimal("123.45"), adapter.candles("BTCUSDT", now.minusSeconds(120), now.plusSeconds(60))
                .stream().map(c -> c.high()).reduce(BigDecimal::max).orElseThrow());
    }

    @Test
    void everySymbolsLastPriceComesInOneTickerRequest() {
        venue.close();
        venue = new PaperVenue(dir, "paper.symbols", "BTCUSDT,ETHUSDT");
        adapter = venue.adapter();
        venue.control.setPrice("ETHUSDT", "42.5");
        assertEquals(Map.of("BTCUSDT", new BigDecimal("100"), "ETHUSDT", new BigDecimal("42.5")), adapter.lastPrices());
        assertEquals(venue.engine.lastPrices(), adapter.lastPrices());
    }

    @Test
    void aWrongSecretIsRejectedAsABadSignature() {
        BinanceExchange wrong = venue.adapter(new ApiCredentials("test-api-key", "not-the-secret", "test"),
                Clock.systemUTC(), Duration.ofSeconds(5));
        CredentialsRejected e = assertThrows(CredentialsRejected.class, wrong::balances);
        assertEquals(-1022, e.code());
        assertEquals("GET /api/v3/account refused by the venue: Signature for this request is not valid. (-1022);"
                + " check TRADEVAULT_EXCHANGE_API_KEY and TRADEVAULT_EXCHANGE_API_SECRET (or"
                + " exchange.credentials-file), the key's IP whitelist and that it may trade Spot", e.getMessage());
    }

    @Test
    void anUnknownApiKeyIsRejected() {
        BinanceExchange wrong = venue.adapter(new ApiCredentials("someone-else", "test-api-secret", "test"),
                Clock.systemUTC(), Duration.ofSeconds(5));
        CredentialsRejected e = assertThrows(CredentialsRejected.class,
                () -> wrong.place(market(Side.BUY, "0.1", "tv-x")));
        assertEquals(-2015, e.code());
        assertEquals(List.of(), venue.engine.allOrders("BTCUSDT"));
    }

    @Test
    void aClockTenMinutesBehindIsCorrectedByTheServerTimeOffset() {
        Clock late = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10));
        BinanceExchange skewed = venue.adapter(PaperVenue.ACCOUNT, late, Duration.ofSeconds(5));
        assertEquals("1000", skewed.balances().get("USDT").free().toPlainString());
    }

    @Test
    void aClockThatJumpsAfterTheOffsetWasMeasuredIsRemeasuredOnMinus1021() {
        ShiftableClock clock = new ShiftableClock();
        BinanceExchange jumpy = venue.adapter(PaperVenue.ACCOUNT, clock, Duration.ofSeconds(5));
        jumpy.balances();
        clock.shift = Duration.ofMinutes(10);
        assertEquals("1000", jumpy.balances().get("USDT").free().toPlainString());
    }

    @Test
    void aClockJumpIsHealedByMeasuringTheOffsetAgainEvenWithoutRetriesLeft() {
        ShiftableClock clock = new ShiftableClock();
        ExchangeSettings noRetries = new ExchangeSettings(Optional.of(venue.server.url()), Optional.empty(),
                Duration.ofSeconds(5), Duration.ofSeconds(5), 0, Duration.ofMillis(20));
        BinanceExchange jumpy = new BinanceExchange(venue.server.url(), Optional.of(PaperVenue.ACCOUNT), noRetries,
                clock);
        jumpy.balances();
        clock.shift = Duration.ofMinutes(-10);
        assertEquals("1000", jumpy.balances().get("USDT").free().toPlainString());
    }

    /** The system clock shifted by a duration tests change. */
    static final class ShiftableClock extends Clock {
        volatile Duration shift = Duration.ZERO;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift);
        }
    }

    @Test
    void venueRejectionsMapToTypedFailuresWithTheirCodes() {
        assertRejected(Reason.INSUFFICIENT_BALANCE, -2010, () -> adapter.place(market(Side.BUY, "20", "tv-1")));
        assertRejected(Reason.LOT_SIZE, -1013, () -> adapter.place(market(Side.BUY, "0.0001", "tv-2")));
        assertRejected(Reason.PRICE_FILTER, -1013, () -> adapter.place(limit(Side.BUY, "1", "90.001", "tv-3")));
        assertRejected(Reason.MIN_NOTIONAL, -1013, () -> adapter.place(market(Side.BUY, "0.01", "tv-4")));
        assertRejected(Reason.WOULD_TRIGGER_IMMEDIATELY, -2010, () -> adapter.place(stop(Side.SELL, "0.1", "101", "tv-5")));
        adapter.place(limit(Side.BUY, "0.1", "90", "tv-6"));
        assertRejected(Reason.DUPLICATE_CLIENT_ORDER_ID, -2010, () -> adapter.place(market(Side.BUY, "0.1", "tv-6")));
        assertRejected(Reason.UNKNOWN_SYMBOL, -1121, () -> adapter.lastPrice("ETHUSDT"));
    }

    @Test
    void unknownOrdersAreEmptyOnLookupAndNoSuchOrderOnCancel() {
        assertEquals(Optional.empty(), adapter.orderByClientId("BTCUSDT", new ClientOrderId("tv-none")));
        assertEquals(Optional.empty(), adapter.orderByExchangeId("BTCUSDT", "999"));
        NoSuchOrder e = assertThrows(NoSuchOrder.class, () -> adapter.cancel("BTCUSDT", new ClientOrderId("tv-none")));
        assertEquals("DELETE /api/v3/order refused by the venue: Unknown order sent. (-2011)", e.getMessage());
    }

    private static void assertRejected(Reason reason, int code, Runnable call) {
        OrderRejected e = assertThrows(OrderRejected.class, call::run);
        assertEquals(List.of(reason, code), List.of(e.reason(), e.code()), e.getMessage());
    }
}
