package com.tradevault.app.reconciliation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing reconciliation found, with what it means in one readable line
 * and its details for the audit log.
 *
 * @param kind    what was found
 * @param subject what it is about: {@code position #12 BTCUSDT}, {@code order tv-s-...}, {@code asset BTC}
 * @param message one readable sentence, including what is done about it
 * @param details JSON-ready details (ids, prices, quantities as exact decimals)
 */
public record Finding(Kind kind, String subject, String message, Map<String, Object> details) {

    /** The cases reconciliation knows, each documented in docs/reliability.md. */
    public enum Kind {
        STOP_MISSING, STOP_CANCELLED, STOP_FILLED, STOP_PARTIALLY_FILLED, MARKET_THROUGH_STOP, SURPLUS_STOP,
        CANCEL_PENDING, ORDER_STATE_CHANGED, ORDER_UNKNOWN_TO_VENUE, INTENT_ADOPTED, INTENT_NEVER_SENT,
        INTENT_IN_FLIGHT, EXIT_PENDING, UNKNOWN_ORDER, MISSING_FILLS, EXTRA_LEDGER_FILLS, BALANCE_MISMATCH,
        DUST_ONLY, STOP_ADOPTED, STOP_REFUSED
    }

    public Finding {
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** The audit-log payload: kind, subject, message and details. */
    public Map<String, Object> auditData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", kind.name());
        data.put("subject", subject);
        data.put("message", message);
        data.putAll(details);
        return data;
    }

    @Override
    public String toString() {
        return kind + " " + subject + ": " + message;
    }
}
