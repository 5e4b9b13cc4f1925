package com.tradevault.app.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.alerts.channels.Channels;
import com.tradevault.core.testing.MutableClock;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.jdbc.JdbcLedgers;
import com.tradevault.core.config.ConfigLoader;
import com.tradevault.core.db.Database;
import com.tradevault.core.testing.TestLedgers;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox in a real encrypted ledger, delivered by the real delivery loop
 * to real local servers (webhook, Bot API stand-in, SMTP with STARTTLS and
 * AUTH): no flood (repeat-after), recovery once, retries with backoff, and a
 * channel that took an alert never gets it twice.
 */
class OutboxDeliveryIT {

    @TempDir
    Path dir;
    private AlertServers servers;
    private Database database;
    private Ledger ledger;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));

    @BeforeEach
    void setUp() throws Exception {
        servers = new AlertServers(dir.resolve("servers"));
        database = TestLedgers.newEncryptedLedger(dir);
        ledger = JdbcLedgers.on(database);
    }

    @AfterEach
    void tearDown() throws Exception {
        database.close();
        servers.close();
    }

    private AlertSettings settings(String extra) {
        return AlertSettings.from(ConfigFactory.parseString(servers.config() + extra)
                .withFallback(ConfigLoader.reference()).resolve());
    }

    private DeliveringAlerts delivering(AlertSettings settings) {
        return new DeliveringAlerts(ledger, Channels.from(settings, Map.of()), settings, clock);
    }

    private boolean raise(RaisingAlerts raising, Alert alert) {
        return ledger.transaction(s -> raising.raise(s, alert));
    }

    private boolean recover(RaisingAlerts raising, Alert alert) {
        return ledger.transaction(s -> raising.recover(s, alert));
    }

    @Test
    void aConditionIsNotRepeatedBeforeRepeatAfterAndItsRecoveryIsAnnouncedOnce() {
        RaisingAlerts raising = new RaisingAlerts(Duration.ofHours(6), clock, () -> { });
        Alert low = Conditions.diskLow("/data", 10L << 20, 1L << 30);

        assertTrue(raise(raising, low));
        clock.advance(Duration.ofHours(5));
        assertFalse(raise(raising, low), "the same condition within repeat-after");
        clock.advance(Duration.ofHours(2));
        assertTrue(raise(raising, low), "repeated once repeat-after has passed");
        assertTrue(recover(raising, Conditions.diskOk("/data", 5L << 30)));
        assertFalse(recover(raising, Conditions.diskOk("/data", 5L << 30)));
        assertFalse(recover(raising, Conditions.exchangeBack(Duration.ofMinutes(1))),
                "no recovery of a condition never raised");

        List<OutboxEntry> all = ledger.read(s -> s.recentAlerts(10));
        assertEquals(List.of("disk-ok", "disk-low", "disk-low"), all.stream().map(e -> e.alert().event()).toList());
    }

    @Test
    void theLoopDeliversToEveryChannel() throws Exception {
        AlertSettings settings = settings("");
        RaisingAlerts raising;
        try (DeliveringAlerts loop = delivering(settings).start()) {
            raising = new RaisingAlerts(settings.repeatAfter(), clock, loop::wake);
            raise(raising, Conditions.exchangeDown(Duration.ofMinutes(6), "HTTP 418 banned until later"));
            raising.wake();

            assertTrue(servers.webhook.await("exchange-down", Duration.ofSeconds(20)));
            assertTrue(servers.telegram.await("The exchange has not answered for 6m", Duration.ofSeconds(20)));
            assertTrue(servers.smtp.await("Subject: tradevault critical: The exchange has not answered for 6m",
                    Duration.ofSeconds(20)));
            awaitDelivered();
        }
        OutboxEntry entry = ledger.read(s -> s.recentAlerts(1)).get(0);
        assertEquals(Set.of("webhook", "telegram", "email"), entry.deliveredTo());
        assertEquals(0, entry.attempts());
        assertEquals(1, servers.webhook.of("exchange-down").size());
        assertEquals(1, servers.telegram.texts().size());
        assertEquals(1, servers.smtp.messages().size());
    }

    @Test
    void aChannelOutageIsRetriedWithBackoffAndDeliversOnce() {
        AlertSettings settings = settings("alerts { retry-backoff = 10s, max-backoff = 30s }\n");
        DeliveringAlerts loop = delivering(settings);
        RaisingAlerts raising = new RaisingAlerts(settings.repeatAfter(), clock, () -> { });
        raise(raising, Conditions.restartedAfterCrash());
        servers.webhook.refuseNext(3);

        assertEquals(0, loop.deliverDue());
        OutboxEntry first = ledger.read(s -> s.recentAlerts(1)).get(0);
        assertEquals(1, first.attempts());
        assertEquals(Set.of("telegram", "email"), first.deliveredTo());
        assertEquals(clock.instant().plusSeconds(10), first.nextAttemptAt());
        assertTrue(first.lastError().orElseThrow().startsWith("webhook: 127.0.0.1 answered HTTP 503"),
                first.lastError().orElseThrow());
        assertEquals(0, loop.deliverDue(), "not due before its backoff");
        clock.advance(Duration.ofSeconds(10));
        assertEquals(0, loop.deliverDue());
        assertEquals(clock.instant().plusSeconds(20), ledger.read(s -> s.recentAlerts(1)).get(0).nextAttemptAt());
        clock.advance(Duration.ofSeconds(20));
        assertEquals(0, loop.deliverDue());
        assertEquals(clock.instant().plusSeconds(30), ledger.read(s -> s.recentAlerts(1)).get(0).nextAttemptAt(),
                "the backoff stops at max-backoff");
        clock.advance(Duration.ofSeconds(30));
        assertEquals(1, loop.deliverDue());

        assertEquals(1, servers.webhook.of("restarted-after-crash").size());
        assertEquals(1, servers.telegram.texts().size(), "the channels that took it first were not sent it again");
        assertEquals(3, ledger.read(s -> s.recentAlerts(1)).get(0).attempts());
        assertTrue(ledger.read(s -> s.dueAlerts(clock.instant().plusSeconds(3600), 10)).isEmpty());
    }

    private void awaitDelivered() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end && !ledger.read(s -> s.recentAlerts(1)).get(0).delivered()) {
            Thread.sleep(20);
        }
    }
}
