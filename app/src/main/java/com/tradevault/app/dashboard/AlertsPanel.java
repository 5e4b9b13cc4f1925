package com.tradevault.app.dashboard;

import com.tradevault.app.alerts.AlertView;
import com.tradevault.app.alerts.OutboxEntry;
import com.tradevault.app.alerts.Severity;
import com.tradevault.app.ledger.LedgerSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts the dashboard shows, from the outbox ({@code alert_outbox}):
 * the newest, delivered or pending, and the conditions still open (raised,
 * not recovered) with how many are an unprotected position and how many
 * critical. It reads the ledger only: no channel address or token is known here.
 */
final class AlertsPanel {

    /** The condition prefix of a position without a live stop ({@code unprotected:BTCUSDT}). */
    static final String UNPROTECTED = "unprotected:";

    private AlertsPanel() {
    }

    /** {@code {open: {unprotected, critical, total, conditions}, recent}} with the {@code limit} newest. */
    static Map<String, Object> read(LedgerSession s, int limit) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("open", open(s.openAlerts()));
        out.put("recent", s.recentAlerts(limit).stream().map(AlertView::of).toList());
        return out;
    }

    private static Map<String, Object> open(List<OutboxEntry> open) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("unprotected", open.stream().filter(e -> e.alert().condition().startsWith(UNPROTECTED)).count());
        out.put("critical", open.stream().filter(e -> e.alert().severity() == Severity.CRITICAL).count());
        out.put("total", open.size());
        out.put("conditions", open.stream().map(AlertView::of).toList());
        return out;
    }
}
