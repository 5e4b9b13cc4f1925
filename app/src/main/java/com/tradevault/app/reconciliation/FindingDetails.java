package com.tradevault.app.reconciliation;

import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.Position;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON-ready finding details, built from the ledger's records; decimals as exact plain text. */
final class FindingDetails {

    private FindingDetails() {
    }

    static Map<String, Object> of(Order order) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("clientOrderId", order.clientOrderId().value());
        d.put("symbol", order.symbol());
        d.put("purpose", order.purpose().name());
        d.put("ledgerState", order.state().name());
        order.positionId().ifPresent(id -> d.put("positionId", id));
        return d;
    }

    static Map<String, Object> of(Position position) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("positionId", position.id());
        d.put("symbol", position.symbol());
        d.put("quantity", position.quantity().toString());
        d.put("stopLevel", position.stop().level().toString());
        d.put("highest", position.stop().highest().toString());
        return d;
    }

    static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> d = new LinkedHashMap<>(base);
        d.put(key, value instanceof java.math.BigDecimal b ? b.toPlainString() : String.valueOf(value));
        return d;
    }

    static String subject(Order order) {
        return "order " + order.clientOrderId() + " (" + order.purpose() + " " + order.symbol() + ")";
    }

    static String subject(Position position) {
        return "position #" + position.id() + " " + position.symbol();
    }
}
