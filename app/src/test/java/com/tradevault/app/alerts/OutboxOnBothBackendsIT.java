package com.tradevault.app.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.testing.MutableClock;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.jdbc.JdbcLedgers;
import com.tradevault.app.trading.Money;
import com.tradevault.app.trading.Position;
import com.tradevault.app.trading.PositionStatus;
import com.tradevault.app.trading.Price;
import com.tradevault.app.trading.Quantity;
import com.tradevault.app.trading.Trail;
import com.tradevault.app.trading.TrailingStop;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.SettingUpDatabase;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.PostgresServer;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The outbox rows written, read and updated through the same SQL on SQLite
 * (encrypted) and on a real PostgreSQL: timestamps exact to the microsecond,
 * the pending/delivered state, the channels that took an alert, the open conditions.
 */
class OutboxOnBothBackendsIT {

    @TempDir
    Path dir;

    private Database open(String backend) {
        Map<String, String> env = backend.equals("postgresql")
                ? TestLedgers.env(dir, "TRADEVAULT_DB_URL", PostgresServer.shared().newDatabase())
                : TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        OpeningDatabases opening = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env));
        new SettingUpDatabase(opening, java.time.Clock.systemUTC()).run();
        return opening.openExisting();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void anAlertGoesFromPendingToDeliveredWithItsChannels(String backend) {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-06T08:00:00.123456Z"));
        try (Database db = open(backend)) {
            Ledger ledger = JdbcLedgers.on(db);
            RaisingAlerts raising = new RaisingAlerts(Duration.ofHours(6), clock, () -> { });
            ledger.transaction(s -> raising.raise(s, Conditions.exchangeDown(Duration.ofMinutes(7), "HTTP 418")));
            OutboxEntry pending = ledger.read(s -> s.dueAlerts(clock.instant(), 10)).get(0);

            assertEquals(clock.instant(), pending.createdAt());
            assertEquals(Alert.State.RAISED, pending.alert().state());
            assertEquals(Severity.CRITICAL, pending.alert().severity());
            assertEquals(Set.of(), pending.deliveredTo());
            Instant next = clock.instant().plusSeconds(5);
            ledger.transaction(s -> {
                s.recordAlertRound(pending.id(), Set.of("webhook"), Optional.empty(), 1, next, Optional.of("email: down"));
                return null;
            });
            assertTrue(ledger.read(s -> s.dueAlerts(clock.instant(), 10)).isEmpty(), "not due before its backoff");
            OutboxEntry retried = ledger.read(s -> s.dueAlerts(next, 10)).get(0);
            assertEquals(Set.of("webhook"), retried.deliveredTo());
            assertEquals(Optional.of("email: down"), retried.lastError());
            ledger.transaction(s -> {
                s.recordAlertRound(pending.id(), Set.of("webhook", "email"), Optional.of(next), 1, next,
                        Optional.empty());
                return null;
            });

            List<OutboxEntry> all = ledger.read(s -> s.recentAlerts(5));
            assertEquals(1, all.size());
            assertEquals(Optional.of(next), all.get(0).deliveredAt());
            assertEquals(Set.of("webhook", "email"), all.get(0).deliveredTo());
            assertEquals(all.get(0), ledger.read(s -> s.lastAlert("exchange-down")).orElseThrow());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void theOpenAlertsAreTheConditionsRaisedAndNotRecoveredSince(String backend) {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-06T08:00:00Z"));
        try (Database db = open(backend)) {
            Ledger ledger = JdbcLedgers.on(db);
            RaisingAlerts raising = new RaisingAlerts(Duration.ofMinutes(1), clock, () -> { });
            ledger.transaction(s -> raising.raise(s, Conditions.unprotected(position("BTCUSDT"))));
            ledger.transaction(s -> raising.raise(s, Conditions.unprotected(position("ETHUSDT"))));
            ledger.transaction(s -> raising.raise(s, Conditions.exchangeDown(Duration.ofMinutes(7), "HTTP 418")));
            ledger.transaction(s -> raising.raise(s, Conditions.diskLow("/var/lib/tradevault", 1, 2)));
            ledger.transaction(s -> {
                raising.notice(s, Conditions.restartedAfterCrash());
                return raising.recover(s, Conditions.protectedAgain("BTCUSDT"));
            });
            clock.advance(Duration.ofMinutes(2));
            ledger.transaction(s -> raising.raise(s, Conditions.exchangeDown(Duration.ofMinutes(9), "HTTP 418")));

            List<String> open = ledger.read(s -> s.openAlerts()).stream()
                    .map(e -> e.alert().condition() + ": " + e.alert().title()).toList();
            assertEquals(List.of("exchange-down: " + Conditions.exchangeDown(Duration.ofMinutes(9), "").title(),
                    "disk-low: " + Conditions.diskLow("/var/lib/tradevault", 1, 2).title(),
                    "unprotected:ETHUSDT: ETHUSDT position has no live stop on the exchange"), open,
                    "newest first, each condition once with its newest row; recovered and notices are not open");
        }
    }

    private static Position position(String symbol) {
        Instant t = Instant.parse("2026-12-06T07:00:00Z");
        TrailingStop stop = new TrailingStop(Price.of("30000"), Trail.percent("1"), Price.of("29700"));
        return new Position(7, symbol, PositionStatus.OPEN, Quantity.of("0.01"), Price.of("30000"), stop, Money.ZERO,
                t, Optional.empty(), t);
    }
}
