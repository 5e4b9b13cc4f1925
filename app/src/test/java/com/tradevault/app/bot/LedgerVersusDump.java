package com.tradevault.app.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.trading.Fill;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.Position;
import com.tradevault.app.trading.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The invariant after a run: the ledger's orders and fills equal the
 * exchange's {@code dump}, no client order id twice, and every open position
 * has exactly one open stop on the exchange.
 */
final class LedgerVersusDump {

    private LedgerVersusDump() {
    }

    static void assertAgree(Ledger ledger, JsonNode dump) {
        List<Order> orders = ledger.read(LedgerSession::allOrders);
        assertEquals(ledgerOrders(orders), dumpOrders(dump), "orders: ledger = exchange");
        assertEquals(ledgerFills(ledger.read(LedgerSession::allFills), orders), dumpFills(dump),
                "fills: ledger = exchange");
        assertOneOpenStopPerPosition(ledger.read(LedgerSession::openPositions), orders, dump);
    }

    static Map<String, String> ledgerOrders(List<Order> orders) {
        return orders.stream().filter(o -> o.exchangeOrderId().isPresent()).collect(Collectors.toMap(
                o -> o.clientOrderId().value(), o -> o.exchangeOrderId().get() + " " + o.state() + " " + o.executed(),
                (a, b) -> a + " DUPLICATE", TreeMap::new));
    }

    static Map<String, String> dumpOrders(JsonNode dump) {
        Map<String, String> orders = new TreeMap<>();
        for (JsonNode o : dump.get("orders")) {
            orders.merge(o.get("clientOrderId").asText(), o.get("orderId").asText() + " " + o.get("status").asText()
                    + " " + decimal(o.get("executedQty")), (a, b) -> a + " DUPLICATE");
        }
        return orders;
    }

    static Map<String, String> ledgerFills(List<Fill> fills, List<Order> orders) {
        Map<Long, String> venueIds = orders.stream().filter(o -> o.exchangeOrderId().isPresent())
                .collect(Collectors.toMap(Order::id, o -> o.exchangeOrderId().get()));
        return fills.stream().collect(Collectors.toMap(Fill::exchangeFillId, f -> venueIds.get(f.orderId()) + " "
                + f.quantity() + " @ " + f.price() + " fee " + f.fee() + " " + f.feeAsset(), (a, b) -> a, TreeMap::new));
    }

    static Map<String, String> dumpFills(JsonNode dump) {
        Map<String, String> fills = new TreeMap<>();
        for (JsonNode t : dump.get("trades")) {
            fills.put(t.get("symbol").asText() + ":" + t.get("id").asText(), t.get("orderId").asText() + " "
                    + decimal(t.get("qty")) + " @ " + decimal(t.get("price")) + " fee " + decimal(t.get("commission"))
                    + " " + t.get("commissionAsset").asText());
        }
        return fills;
    }

    static void assertOneOpenStopPerPosition(List<Position> open, List<Order> orders, JsonNode dump) {
        List<String> openOnVenue = new ArrayList<>();
        dump.get("orders").forEach(o -> {
            if (o.get("status").asText().equals("NEW")) {
                openOnVenue.add(o.get("clientOrderId").asText());
            }
        });
        for (Position p : open) {
            long stops = orders.stream().filter(o -> o.positionId().equals(Optional.of(p.id()))
                    && openOnVenue.contains(o.clientOrderId().value())).count();
            assertEquals(1, stops, "position #" + p.id() + " has exactly one open stop on the exchange");
        }
        assertEquals(open.size(), openOnVenue.size(), "open orders on the exchange: " + openOnVenue);
    }

    static String decimal(JsonNode text) {
        return new Quantity(new BigDecimal(text.asText())).toString();
    }
}
