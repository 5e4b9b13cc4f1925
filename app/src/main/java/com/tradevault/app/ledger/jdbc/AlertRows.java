package com.tradevault.app.ledger.jdbc;

import com.tradevault.app.alerts.Alert;
import com.tradevault.app.alerts.OutboxEntry;
import com.tradevault.app.alerts.Severity;
import com.tradevault.app.ledger.jdbc.Statements.At;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The alert outbox's rows ({@code alert_outbox}, schema v4). */
final class AlertRows {

    private static final String COLUMNS = "id, condition_key, event, state, severity, title, detail, next_step,"
            + " created_at, attempts, next_attempt_at, delivered_to, delivered_at, last_error";

    private final Statements sql;

    AlertRows(Statements sql) {
        this.sql = sql;
    }

    long insert(Alert a, Instant at) {
        return sql.insert("INSERT INTO alert_outbox (condition_key, event, state, severity, title, detail, next_step,"
                        + " created_at, attempts, next_attempt_at, delivered_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, '')",
                a.condition(), a.event(), a.state().name(), a.severity().name(), a.title(), a.detail(), a.nextStep(),
                new At(at), new At(at));
    }

    Optional<OutboxEntry> lastOf(String condition) {
        return sql.one("SELECT " + COLUMNS + " FROM alert_outbox WHERE condition_key = ? ORDER BY id DESC LIMIT 1",
                this::entry, condition);
    }

    List<OutboxEntry> due(Instant now, int limit) {
        return sql.list("SELECT " + COLUMNS + " FROM alert_outbox WHERE delivered_at IS NULL AND next_attempt_at <= ?"
                + " ORDER BY id LIMIT ?", this::entry, new At(now), limit);
    }

    List<OutboxEntry> recent(int limit) {
        return sql.list("SELECT " + COLUMNS + " FROM alert_outbox ORDER BY id DESC LIMIT ?", this::entry, limit);
    }

    /** The newest row of each condition whose newest row is RAISED (raised and not recovered), newest first. */
    List<OutboxEntry> open() {
        return sql.list("SELECT " + COLUMNS + " FROM alert_outbox a WHERE state = 'RAISED' AND id = (SELECT MAX(b.id)"
                + " FROM alert_outbox b WHERE b.condition_key = a.condition_key) ORDER BY id DESC", this::entry);
    }

    void recordRound(long id, Set<String> deliveredTo, Optional<Instant> deliveredAt, int attempts, Instant next,
                     Optional<String> error) {
        sql.update("UPDATE alert_outbox SET delivered_to = ?, delivered_at = ?, attempts = ?, next_attempt_at = ?,"
                        + " last_error = ? WHERE id = ?", String.join(",", new TreeSet<>(deliveredTo)),
                new At(deliveredAt.orElse(null)), attempts, new At(next), error.orElse(null), id);
    }

    private OutboxEntry entry(ResultSet r) throws SQLException {
        Alert alert = new Alert(r.getString("condition_key"), r.getString("event"),
                Alert.State.valueOf(r.getString("state")), Severity.valueOf(r.getString("severity")),
                r.getString("title"), r.getString("detail"), r.getString("next_step"));
        return new OutboxEntry(r.getLong("id"), alert, sql.instant(r, "created_at"), r.getInt("attempts"),
                sql.instant(r, "next_attempt_at"), channels(r.getString("delivered_to")),
                Optional.ofNullable(sql.instant(r, "delivered_at")),
                Optional.ofNullable(r.getString("last_error")));
    }

    private static Set<String> channels(String list) {
        return Arrays.stream(list.split(",")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
    }
}
