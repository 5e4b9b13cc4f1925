package com.tradevault.app.exchange.binance;

import static com.tradevault.app.exchange.binance.DocumentedAnswersIT.stopLimit;
import static com.tradevault.app.exchange.binance.DocumentedVenue.error;
import static com.tradevault.app.exchange.binance.DocumentedVenue.ok;
import static com.tradevault.app.exchange.binance.DocumentedVenue.resource;
import static com.tradevault.app.exchange.binance.DocumentedVenue.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.NoSuchOrder;
import com.tradevault.app.exchange.OrderRejected;
import com.tradevault.app.exchange.OrderStatus;
import com.tradevault.app.exchange.ReplaceFailed;
import com.tradevault.app.exchange.UnknownOutcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Moving a stop with POST /api/v3/order/cancelReplace, against its documented answers. */
class CancelReplaceIT {

    private static final ClientOrderId OLD = new ClientOrderId("tv-stop-1");
    private final DocumentedVenue venue = new DocumentedVenue();
    private final BinanceExchange adapter = venue.adapter();

    @AfterEach
    void stop() {
        venue.close();
    }

    /** Moves the stop on a symbol that allows cancel-replace. */
    private ExchangeOrder move() {
        venue.answer("GET /api/v3/exchangeInfo", ok(resource("exchange-info-btcusdt.json")));
        return adapter.replace("BTCUSDT", OLD, stopLimit("tv-stop-2"));
    }

    @Test
    void bothHalvesSucceedInOneRequestThatOnlyCancelsAnUntouchedOrder() {
        venue.answer("POST /api/v3/order/cancelReplace", ok(resource("cancel-replace-success.json")));
        ExchangeOrder placed = move();
        assertEquals(List.of("tv-stop-2", "NEW", "30000"), List.of(placed.clientOrderId().value(),
                placed.status().name(), placed.stopPrice().orElseThrow().toPlainString()));
        Map<String, String> sent = venue.sentTo("POST /api/v3/order/cancelReplace").get(0).params();
        assertEquals(List.of("STOP_ON_FAILURE", "ONLY_NEW", "tv-stop-1", "tv-stop-2", "STOP_LOSS_LIMIT", "29700"),
                List.of(sent.get("cancelReplaceMode"), sent.get("cancelRestrictions"),
                        sent.get("cancelOrigClientOrderId"), sent.get("newClientOrderId"), sent.get("type"),
                        sent.get("stopPrice")));
    }

    @Test
    void cancelledButNewOrderRefusedHandsBackTheCancelledOrder() {
        venue.answer("POST /api/v3/order/cancelReplace", status(400, resource("cancel-replace-new-order-failed.json")));
        ReplaceFailed e = assertThrows(ReplaceFailed.class, this::move);
        assertEquals(OrderStatus.CANCELED, e.cancelled().orElseThrow().status());
        assertEquals("tv-stop-1", e.cancelled().orElseThrow().clientOrderId().value());
        assertEquals(OrderRejected.Reason.WOULD_TRIGGER_IMMEDIATELY,
                assertInstanceOf(OrderRejected.class, e.getCause()).reason());
        assertEquals("tv-stop-1 was cancelled but its replacement tv-stop-2 was refused: Order would trigger"
                + " immediately.; nothing protects the position now", e.getMessage());
    }

    @Test
    void aFailedCancelPlacesNothing() {
        venue.answer("POST /api/v3/order/cancelReplace", status(400, resource("cancel-replace-cancel-failed.json")));
        ReplaceFailed e = assertThrows(ReplaceFailed.class, this::move);
        assertEquals(Optional.empty(), e.cancelled());
        assertInstanceOf(NoSuchOrder.class, e.getCause());
        assertEquals("cancel of tv-stop-1 failed, so tv-stop-2 was not placed: POST /api/v3/order/cancelReplace"
                + " cancelResponse refused by the venue: Unknown order sent. (-2011)", e.getMessage());
    }

    @Test
    void bothHalvesFailedLeavesTheOldOrderInPlace() {
        venue.answer("POST /api/v3/order/cancelReplace", status(400, resource("cancel-replace-both-failed.json")));
        ReplaceFailed e = assertThrows(ReplaceFailed.class, this::move);
        assertEquals(Optional.empty(), e.cancelled());
        assertInstanceOf(OrderRejected.class, e.getCause());
    }

    @Test
    void aSymbolWithoutCancelReplaceCancelsThenPlaces() {
        venue.answer("GET /api/v3/exchangeInfo", ok(resource("exchange-info-btcusdt.json")
                .replace("\"cancelReplaceAllowed\": true", "\"cancelReplaceAllowed\": false")));
        venue.answer("DELETE /api/v3/order", ok(resource("cancel.json")));
        venue.answer("POST /api/v3/order", ok(resource("order-result.json")));
        adapter.replace("BTCUSDT", OLD, stopLimit("tv-stop-1"));
        assertEquals(List.of("GET /api/v3/exchangeInfo", "GET /api/v3/time", "DELETE /api/v3/order",
                "POST /api/v3/order"), venue.routes());
    }

    @Test
    void anUnknownOutcomeAsksForTheNewOrderFirst() {
        venue.answer("POST /api/v3/order/cancelReplace", status(502, "Bad Gateway"));
        venue.answer("GET /api/v3/order", ok(resource("cancel-replace-success.json").replaceAll("(?s).*\"newOrderResponse\": ", "")
                .replaceAll("(?s)\\}\\s*\\}\\s*$", "}")));
        assertEquals("tv-stop-2", move().clientOrderId().value());
        assertEquals("tv-stop-2", venue.sentTo("GET /api/v3/order").get(0).params().get("origClientOrderId"));
    }

    @Test
    void anUnknownOutcomeWithTheOldOrderCancelledAndNoNewOneIsAHalfDoneReplace() {
        venue.answer("POST /api/v3/order/cancelReplace", status(500, "Internal Server Error"));
        venue.answer("GET /api/v3/order", error(400, -2013, "Order does not exist."), ok(resource("cancel.json")));
        ReplaceFailed e = assertThrows(ReplaceFailed.class, this::move);
        assertEquals("tv-stop-1", e.cancelled().orElseThrow().clientOrderId().value());
        assertEquals(List.of("tv-stop-2", "tv-stop-1"), venue.sentTo("GET /api/v3/order").stream()
                .map(s -> s.params().get("origClientOrderId")).toList());
    }

    @Test
    void anUnknownOutcomeWithTheOldOrderStillOpenStaysUnknown() {
        venue.answer("POST /api/v3/order/cancelReplace", status(503, "Service Unavailable"));
        venue.answer("GET /api/v3/order", error(400, -2013, "Order does not exist."), ok(resource("order-query.json")));
        assertThrows(UnknownOutcome.class, this::move);
    }
}
