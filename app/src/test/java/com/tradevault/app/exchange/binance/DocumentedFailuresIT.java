package com.tradevault.app.exchange.binance;

import static com.tradevault.app.exchange.binance.DocumentedAnswersIT.stopLimit;
import static com.tradevault.app.exchange.binance.DocumentedVenue.error;
import static com.tradevault.app.exchange.binance.DocumentedVenue.ok;
import static com.tradevault.app.exchange.binance.DocumentedVenue.resource;
import static com.tradevault.app.exchange.binance.DocumentedVenue.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.ExchangeUnavailable;
import com.tradevault.app.exchange.OrderRejected;
import com.tradevault.app.exchange.UnknownOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Unknown outcomes, clock drift and rate limits as rest-api.md and errors.md
 * document them, on a stub venue; the clock is fixed, so every wait the
 * adapter asks for is exact and nothing here sleeps.
 */
class DocumentedFailuresIT {

    private static final Instant NOW = Instant.parse("2026-12-05T14:00:30Z");
    private final DocumentedVenue venue = new DocumentedVenue();
    private final BinanceExchange adapter = venue.adapter(Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void stop() {
        venue.close();
    }

    @Test
    void aServerErrorOnPlacementIsUnknownAndTheOrderIsAskedForNotSentAgain() {
        venue.answer("POST /api/v3/order", status(503, "Service Unavailable"));
        venue.answer("GET /api/v3/order", error(400, -2013, "Order does not exist."));
        UnknownOutcome e = assertThrows(UnknownOutcome.class, () -> adapter.place(stopLimit("tv-stop-1")));
        assertEquals("POST /api/v3/order answered HTTP 503: the venue does not know whether it was executed; ask for"
                + " the order by client id before sending it again", e.getMessage());
        assertEquals(List.of("GET /api/v3/time", "POST /api/v3/order", "GET /api/v3/order"), venue.routes());
    }

    @Test
    void executionStatusUnknownInABadRequestIsUnknownNeverARejection() {
        venue.answer("POST /api/v3/order", error(400, -1006,
                "An unexpected response was received from the message bus. Execution status unknown."));
        venue.answer("GET /api/v3/order", ok(resource("order-query.json")));
        assertEquals("tv-stop-1", adapter.place(stopLimit("tv-stop-1")).clientOrderId().value());
        assertEquals(1, venue.sentTo("POST /api/v3/order").size());
    }

    @Test
    void aBackendTimeoutOnCancelStaysUnknownWhenTheOrderIsStillOpen() {
        venue.answer("DELETE /api/v3/order", error(408, -1007,
                "Timeout waiting for response from backend server. Send status unknown; execution status unknown."));
        venue.answer("GET /api/v3/order", ok(resource("order-query.json")));
        UnknownOutcome e = assertThrows(UnknownOutcome.class,
                () -> adapter.cancel("BTCUSDT", new ClientOrderId("tv-stop-1")));
        assertEquals("DELETE /api/v3/order answered HTTP 408 -1007 \"Timeout waiting for response from backend server."
                + " Send status unknown; execution status unknown.\": the venue does not know whether it was executed;"
                + " ask for the order by client id before sending it again", e.getMessage());
    }

    @Test
    void anUnknownErrorOnPlacementIsLookedUpNotTakenForARefusal() {
        venue.answer("POST /api/v3/order", error(400, -1000, "An unknown error occurred while processing the request."));
        venue.answer("GET /api/v3/order", error(400, -2013, "Order does not exist."));
        UnknownOutcome e = assertThrows(UnknownOutcome.class, () -> adapter.place(stopLimit("tv-stop-1")));
        assertEquals("POST /api/v3/order answered HTTP 400 -1000 \"An unknown error occurred while processing the"
                + " request.\": the venue does not know whether it was executed; ask for the order by client id"
                + " before sending it again", e.getMessage());
    }

    @Test
    void aReadWithExecutionStatusUnknownIsSimplyAskedAgain() {
        venue.answer("GET /api/v3/avgPrice", error(400, -1007, "Timeout waiting for response from backend server."),
                ok(resource("avg-price.json")));
        assertEquals("30012.35751834", adapter.averagePrice("BTCUSDT").toPlainString());
    }

    @Test
    void aTimestampOutsideRecvWindowResynchronisesTheClockAndRetriesOnce() {
        venue.answer("POST /api/v3/order", error(400, -1021, BinanceErrors.RECV_WINDOW_MESSAGE),
                ok(resource("order-result.json")));
        adapter.place(stopLimit("tv-stop-1"));
        assertEquals(List.of("GET /api/v3/time", "POST /api/v3/order", "GET /api/v3/time", "POST /api/v3/order"),
                venue.routes());
    }

    @Test
    void aSecondTimestampRefusalIsNotRetriedAgain() {
        venue.answer("POST /api/v3/order", error(400, -1021, BinanceErrors.RECV_WINDOW_MESSAGE),
                error(400, -1021, BinanceErrors.RECV_WINDOW_MESSAGE));
        ExchangeUnavailable e = assertThrows(ExchangeUnavailable.class, () -> adapter.place(stopLimit("tv-stop-1")));
        assertEquals("POST /api/v3/order refused by the venue: Timestamp for this request is outside of the"
                + " recvWindow. (-1021); the clock offset to the venue was measured again and the request retried"
                + " once: check the system clock (NTP)", e.getMessage());
        assertEquals(2, venue.sentTo("POST /api/v3/order").size());
    }

    @Test
    void aRateLimitAnswerIsWaitedOutForItsRetryAfter() {
        venue.answer("GET /api/v3/avgPrice", error(429, -1003, "Too much request weight used.")
                .header("Retry-After", "3"), ok(resource("avg-price.json")));
        adapter.averagePrice("BTCUSDT");
        assertEquals(List.of(Duration.ofSeconds(3)), venue.pauses);
    }

    @Test
    void anIpBanStopsEverythingUntilItEndsAndSaysUntilWhen() {
        venue.answer("GET /api/v3/avgPrice", error(418, -1003, "Way too much request weight used; IP banned until"
                + " 1764943350000.").header("Retry-After", "120"));
        ExchangeUnavailable first = assertThrows(ExchangeUnavailable.class, () -> adapter.averagePrice("BTCUSDT"));
        assertEquals("GET /api/v3/avgPrice answered HTTP 418: this IP is banned by the venue for exceeding its rate"
                + " limits until 2026-12-05T14:02:30Z; nothing is sent until then", first.getMessage());
        int sent = venue.sent.size();
        ExchangeUnavailable next = assertThrows(ExchangeUnavailable.class, () -> adapter.place(stopLimit("tv-s2")));
        assertEquals("POST /api/v3/order not sent: this IP is banned by the venue until 2026-12-05T14:02:30Z (HTTP"
                + " 418, rate limits exceeded); nothing is sent until then", next.getMessage());
        assertEquals(Optional.of(Duration.ofSeconds(120)), next.retryAfter());
        assertEquals(sent, venue.sent.size());
    }

    @Test
    void readsSlowDownToTheNextMinuteAtNineTenthsOfTheWeightButOrdersStillGo() {
        venue.answer("GET /api/v3/account", ok(resource("account.json")));
        adapter.account();
        venue.answer("GET /api/v3/exchangeInfo", ok(resource("exchange-info-btcusdt.json"))
                .header("X-MBX-USED-WEIGHT-1M", "5450"));
        adapter.rules("BTCUSDT");
        venue.answer("POST /api/v3/order", ok(resource("order-result.json")).header("X-MBX-USED-WEIGHT-1M", "5451"));
        adapter.place(stopLimit("tv-stop-1"));
        assertEquals(List.of(), venue.pauses);
        venue.answer("GET /api/v3/avgPrice", ok(resource("avg-price.json")));
        adapter.averagePrice("BTCUSDT");
        assertEquals(List.of(Duration.ofSeconds(30)), venue.pauses);
        assertEquals("5451 of 6000 (1M)", adapter.requestWeight().map(w -> w.used() + " of " + w.limit() + " ("
                + w.window() + ")").orElseThrow());
    }

    @Test
    void orderPlacementWaitsForTheOrderCountWindowAtItsLimit() {
        venue.answer("GET /api/v3/exchangeInfo", ok(resource("exchange-info-btcusdt.json")));
        adapter.rules("BTCUSDT");
        venue.answer("POST /api/v3/order", ok(resource("order-result.json")).header("X-MBX-ORDER-COUNT-10S", "100")
                .header("X-MBX-ORDER-COUNT-1D", "5000"), ok(resource("order-result.json")));
        adapter.place(stopLimit("tv-stop-1"));
        adapter.place(stopLimit("tv-stop-1"));
        assertEquals(List.of(Duration.ofSeconds(10)), venue.pauses);
    }

    @Test
    void aDaysOrderLimitReachedIsReportedNotSlept() {
        venue.answer("GET /api/v3/exchangeInfo", ok(resource("exchange-info-btcusdt.json")));
        adapter.rules("BTCUSDT");
        venue.answer("POST /api/v3/order", ok(resource("order-result.json")).header("X-MBX-ORDER-COUNT-1D", "200000"));
        adapter.place(stopLimit("tv-stop-1"));
        ExchangeUnavailable e = assertThrows(ExchangeUnavailable.class, () -> adapter.place(stopLimit("tv-s2")));
        assertEquals("POST /api/v3/order not sent: the venue's rate limits leave no room for the next 35970s",
                e.getMessage());
        assertEquals(1, venue.sentTo("POST /api/v3/order").size());
    }

    @Test
    void aDocumentedRefusalOfAStopIsARejectionThatWillNotGoAway() {
        venue.answer("POST /api/v3/order", error(400, -1013, "Stop loss orders are not supported for this symbol."));
        OrderRejected e = assertThrows(OrderRejected.class, () -> adapter.place(stopLimit("tv-stop-1")));
        assertEquals(OrderRejected.Reason.ORDER_TYPE_NOT_SUPPORTED, e.reason());
        assertEquals(1, venue.sentTo("POST /api/v3/order").size());
    }
}
