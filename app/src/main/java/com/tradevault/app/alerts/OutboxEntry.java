package com.tradevault.app.alerts;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * One row of the alert outbox.
 *
 * @param id            its ledger id
 * @param alert         the message
 * @param createdAt     when the event was recorded
 * @param attempts      how many delivery rounds failed so far
 * @param nextAttemptAt when the next round is due
 * @param deliveredTo   the channels that already took it (never sent to again)
 * @param deliveredAt   when the last channel took it; empty while pending
 * @param lastError     what the last failed round said, per channel
 */
public record OutboxEntry(long id, Alert alert, Instant createdAt, int attempts, Instant nextAttemptAt,
                          Set<String> deliveredTo, Optional<Instant> deliveredAt, Optional<String> lastError) {

    public OutboxEntry {
        deliveredTo = Set.copyOf(deliveredTo);
    }

    public boolean delivered() {
        return deliveredAt.isPresent();
    }
}
