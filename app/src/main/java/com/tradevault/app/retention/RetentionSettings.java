package com.tradevault.app.retention;

import com.tradevault.core.config.Durations;
import com.tradevault.core.config.SettingsReader;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code retention} settings, read once.
 *
 * @param decisionDetail how long every trade decision is kept in full
 * @param auditDetail    how long every audit entry is kept in full
 * @param interval       how often the running bot compacts; empty: only on demand ({@code db compact})
 * @param decisionPacks  whether SKIP and HOLD decisions that are safe elsewhere are packed (schema v10)
 */
public record RetentionSettings(Duration decisionDetail, Duration auditDetail, Optional<Duration> interval,
                                boolean decisionPacks) {

    static final Duration SHORTEST_DETAIL = Duration.ofDays(1);
    static final Duration SHORTEST_INTERVAL = Duration.ofMinutes(1);
    static final Duration LONGEST_INTERVAL = Duration.ofDays(7);

    /** Reads the {@code retention} section, collecting problems in {@code reader}. */
    public static RetentionSettings read(SettingsReader reader) {
        return new RetentionSettings(
                reader.durationBetween("retention.decision-detail", SHORTEST_DETAIL, Durations.LONGEST),
                reader.durationBetween("retention.audit-detail", SHORTEST_DETAIL, Durations.LONGEST),
                interval(reader), reader.onOff("retention.decision-packs"));
    }

    private static Optional<Duration> interval(SettingsReader reader) {
        String text = reader.string("retention.interval").trim();
        if (text.equals("off") || text.equals("false")) {
            return Optional.empty();
        }
        Optional<Duration> parsed = Durations.parseBetween(text, SHORTEST_INTERVAL, LONGEST_INTERVAL);
        if (parsed.isEmpty()) {
            return reader.problem("retention.interval", "must be off or a duration from 1m to 7d, such as 1h",
                    Optional.empty());
        }
        return parsed;
    }
}
