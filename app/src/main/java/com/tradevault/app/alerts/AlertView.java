package com.tradevault.app.alerts;

import java.util.List;
import java.util.Locale;

/**
 * One outbox row as the owner reads it ({@code alerts list --json}, the
 * dashboard): the alert, and whether it is delivered or pending with its
 * failed attempts and the last error. It holds no channel address or
 * secret: the channels' errors name a host at most.
 */
public record AlertView(long id, String createdAt, String event, String condition, String state, String severity,
                        String title, String detail, String nextStep, String status, List<String> deliveredTo,
                        String deliveredAt, int failedAttempts, String nextAttemptAt, String lastError) {

    public AlertView {
        deliveredTo = List.copyOf(deliveredTo);
    }

    /** The view of {@code e}. */
    public static AlertView of(OutboxEntry e) {
        return new AlertView(e.id(), e.createdAt().toString(), e.alert().event(), e.alert().condition(),
                e.alert().state().name().toLowerCase(Locale.ROOT), e.alert().severityName(), e.alert().title(),
                e.alert().detail(), e.alert().nextStep(), e.delivered() ? "delivered" : "pending",
                e.deliveredTo().stream().sorted().toList(), e.deliveredAt().map(Object::toString).orElse(null),
                e.attempts(), e.delivered() ? null : e.nextAttemptAt().toString(), e.lastError().orElse(null));
    }
}
