package com.tradevault.app.exchange.binance;

import static com.tradevault.app.exchange.paper.PaperFixture.limit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.ExchangeUnavailable;
import com.tradevault.app.exchange.OrderRejected;
import com.tradevault.app.exchange.OrderRejected.Reason;
import com.tradevault.app.exchange.Side;
import com.tradevault.app.exchange.UnknownOutcome;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter under the paper server's injected faults: retries, rate limits, lost answers, no duplicates. */
class BinanceAdapterFaultsIT {

    @TempDir
    Path dir;
    PaperVenue venue;
    BinanceExchange adapter;

    @BeforeEach
    void start() {
        venue = new PaperVenue(dir);
        adapter = venue.adapter();
        adapter.balances(); // measures the clock offset, so the faults below hit the requests under test
    }

    @AfterEach
    void closeVenue() {
        venue.close();
    }

    @Test
    void aReadIsRetriedThroughTransientServerErrors() {
        venue.control.faults(Map.of("failNext", "3"));
        assertEquals(new BigDecimal("100"), adapter.lastPrice("BTCUSDT"));
        assertEquals(0, venue.control.faults(Map.of()).get("failNext").asInt());
    }

    @Test
    void aReadGivesUpAfterMaxRetriesAsUnavailable() {
        venue.control.faults(Map.of("failNext", "6"));
        ExchangeUnavailable e = assertThrows(ExchangeUnavailable.class, () -> adapter.lastPrice("BTCUSDT"));
        assertEquals("GET /api/v3/ticker/price answered HTTP 503", e.getMessage());
        assertEquals(2, venue.control.faults(Map.of()).get("failNext").asInt(), "1 attempt + 3 retries");
    }

    @Test
    void rateLimitIsHonouredByWaitingForRetryAfter() {
        venue.control.faults(Map.of("failNext", "1", "status", "429"));
        long start = System.nanoTime();
        assertEquals("1000", adapter.balances().get("USDT").free().toPlainString());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 1000, "waited Retry-After: 1");
    }

    @Test
    void aFailedPlacementIsUnknownOutcomeAndIsNotRetriedBlindly() {
        venue.control.faults(Map.of("failNext", "1"));
        UnknownOutcome e = assertThrows(UnknownOutcome.class, () -> adapter.place(limit(Side.BUY, "1", "90", "tv-f1")));
        assertEquals("POST /api/v3/order answered HTTP 503: the venue does not know whether it was executed; ask for"
                + " the order by client id before sending it again", e.getMessage());
        assertEquals(List.of(), venue.engine.allOrders("BTCUSDT"));
        assertEquals("tv-f1", adapter.place(limit(Side.BUY, "1", "90", "tv-f1")).clientOrderId().value());
        assertEquals(1, venue.engine.allOrders("BTCUSDT").size());
    }

    @Test
    void aPlacementWhoseAnswerIsDroppedIsFoundByClientIdAndNeverDuplicated() {
        venue.control.faults(Map.of("dropNext", "1"));
        ExchangeOrder placed = adapter.place(limit(Side.BUY, "1", "90", "tv-d1"));
        assertEquals("tv-d1", placed.clientOrderId().value());
        assertEquals(List.of(placed), adapter.allOrders("BTCUSDT"));
        OrderRejected again = assertThrows(OrderRejected.class,
                () -> adapter.place(limit(Side.BUY, "1", "90", "tv-d1")));
        assertEquals(Reason.DUPLICATE_CLIENT_ORDER_ID, again.reason());
        assertEquals(1, venue.engine.allOrders("BTCUSDT").size());
        assertEquals("910", venue.engine.balances().get("USDT").free().toPlainString());
    }

    @Test
    void aCancelWhoseAnswerIsDroppedIsConfirmedByAskingForTheOrder() {
        adapter.place(limit(Side.BUY, "1", "90", "tv-c1"));
        venue.control.faults(Map.of("dropNext", "1"));
        ExchangeOrder cancelled = adapter.cancel("BTCUSDT", new ClientOrderId("tv-c1"));
        assertEquals(List.of("tv-c1", "CANCELED"), List.of(cancelled.clientOrderId().value(),
                cancelled.status().name()));
        assertEquals("1000", venue.engine.balances().get("USDT").free().toPlainString());
    }

    @Test
    void aPlacementThatTimesOutIsUnknownOutcomeAndTheOrderIsThereWhenAskedLater() throws Exception {
        BinanceExchange impatient = venue.adapter(PaperVenue.ACCOUNT, Clock.systemUTC(), Duration.ofMillis(500));
        impatient.balances();
        venue.control.faults(Map.of("delay", "2s"));
        assertThrows(UnknownOutcome.class, () -> impatient.place(limit(Side.BUY, "1", "90", "tv-t1")));
        venue.control.faults(Map.of("reset", "true"));
        Thread.sleep(2500);
        assertEquals(Optional.of("tv-t1"), adapter.orderByClientId("BTCUSDT", new ClientOrderId("tv-t1"))
                .map(o -> o.clientOrderId().value()));
        assertEquals(1, venue.engine.allOrders("BTCUSDT").size());
    }
}
