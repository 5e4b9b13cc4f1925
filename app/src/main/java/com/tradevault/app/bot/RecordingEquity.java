package com.tradevault.app.bot;

import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.trading.EquitySnapshot;
import com.tradevault.app.trading.Money;
import com.tradevault.app.trading.Position;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the bot's equity (realized plus unrealized P&L at the last price
 * seen, in the quote asset) every interval, and thins out old snapshots once
 * an hour: one per 15 minutes after a day, one per hour after 30 days.
 */
final class RecordingEquity {

    /** Age from which snapshots are thinned, and the bucket each age keeps one snapshot of. */
    private record Tier(Duration age, Duration bucket) {
    }

    private static final List<Tier> TIERS = List.of(new Tier(Duration.ofDays(30), Duration.ofHours(1)),
            new Tier(Duration.ofDays(1), Duration.ofMinutes(15)));
    private static final Duration THINNING_EVERY = Duration.ofHours(1);

    private final Ledger ledger;
    private final Clock clock;
    private final Duration interval;
    private Instant nextSnapshot = Instant.MIN;
    private Instant nextThinning = Instant.MIN;

    RecordingEquity(Ledger ledger, Clock clock, Duration interval) {
        this.ledger = ledger;
        this.clock = clock;
        this.interval = interval;
    }

    /** Takes a snapshot when one is due, and thins out old ones when that is due. */
    void recordIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextSnapshot)) {
            return;
        }
        nextSnapshot = now.plus(interval);
        boolean thin = !now.isBefore(nextThinning);
        ledger.transaction(s -> {
            s.insertEquitySnapshot(take(s, now));
            if (thin) {
                TIERS.forEach(t -> thin(s, now, t));
            }
            return null;
        });
        if (thin) {
            nextThinning = now.plus(THINNING_EVERY);
        }
    }

    static EquitySnapshot take(LedgerSession s, Instant now) {
        Money unrealized = Money.ZERO;
        List<Position> open = s.openPositions();
        for (Position p : open) {
            unrealized = unrealized.plus(s.lastPrice(p.symbol()).map(x -> p.unrealizedPnlAt(x.price()))
                    .orElse(Money.ZERO));
        }
        return new EquitySnapshot(0, now, s.realizedPnl(), unrealized, open.size());
    }

    /** Keeps the last snapshot of each bucket among those older than the tier's age. */
    private static void thin(LedgerSession s, Instant now, Tier tier) {
        Instant cutoff = now.minus(tier.age());
        List<Long> doomed = new ArrayList<>();
        EquitySnapshot previous = null;
        for (EquitySnapshot e : s.equitySnapshots(Instant.EPOCH)) {
            if (!e.takenAt().isBefore(cutoff)) {
                break;
            }
            if (previous != null && bucket(previous, tier) == bucket(e, tier)) {
                doomed.add(previous.id());
            }
            previous = e;
        }
        s.deleteEquitySnapshots(doomed);
    }

    private static long bucket(EquitySnapshot e, Tier tier) {
        return e.takenAt().getEpochSecond() / tier.bucket().toSeconds();
    }
}
