package com.tradevault.app.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.trading.EquitySnapshot;
import com.tradevault.app.trading.Money;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Equity snapshots are taken every interval, and thinned out as they age. */
class RecordingEquityTest {

    @TempDir
    Path dir;

    @Test
    void snapshotsOlderThanADayKeepOnePerQuarterHourAndTheLastDayKeepsEvery() {
        try (BotFixture f = new BotFixture(dir)) {
            RecordingEquity equity = new RecordingEquity(f.ledger, f.clock, Duration.ofMinutes(5));
            Instant start = f.clock.instant();
            for (int i = 0; i < 2 * 24 * 12; i++) {
                equity.recordIfDue();
                equity.recordIfDue();
                f.clock.advance(Duration.ofMinutes(5));
            }
            Instant now = f.clock.instant();
            List<EquitySnapshot> all = f.ledger.read(s -> s.equitySnapshots(Instant.EPOCH));

            Instant dayAgo = now.minus(Duration.ofDays(1)).plus(Duration.ofHours(1));
            long recent = all.stream().filter(e -> !e.takenAt().isBefore(dayAgo)).count();
            assertEquals(23 * 12, recent, "the last day (less the hour since the last thinning) keeps every snapshot");
            Set<Long> buckets = new HashSet<>();
            all.stream().filter(e -> e.takenAt().isBefore(now.minus(Duration.ofDays(1)).minus(Duration.ofHours(1))))
                    .forEach(e -> assertTrue(buckets.add(e.takenAt().getEpochSecond() / 900),
                            "two snapshots in the quarter hour of " + e.takenAt()));
            assertEquals(start.plus(Duration.ofMinutes(10)), all.get(0).takenAt(), "the last of the first quarter hour");
            assertEquals(Money.ZERO.value().signum(), all.get(all.size() - 1).equity().signum(), "no trade, no P&L");
        }
    }
}
