package com.tradevault.app.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.alerts.channels.Channels;
import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.Side;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.core.testing.MutableClock;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.ledger.jdbc.JdbcLedgers;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderPurpose;
import com.tradevault.app.trading.OrderState;
import com.tradevault.app.trading.Position;
import com.tradevault.app.trading.Price;
import com.tradevault.app.trading.Quantity;
import com.tradevault.app.trading.Trail;
import com.tradevault.app.trading.TrailingStop;
import com.tradevault.core.config.ConfigLoader;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.TestLedgers;
import com.typesafe.config.ConfigFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily summary at {@code alerts.daily-summary-at}, raised by the bot's
 * watch after a scan and delivered by the real delivery loop to the real
 * local webhook, Bot API stand-in and SMTP server: its exact words, not before
 * its time, once a day, not again after a restart the same day, and again the
 * next day.
 */
class DailySummaryIT {

    private static final SymbolRules RULES = new SymbolRules("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.00001"), new BigDecimal("0.00001"), new BigDecimal("5"),
            Set.of(OrderType.MARKET, OrderType.STOP_LOSS), false, false, Optional.empty());
    private static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");

    @TempDir
    Path dir;
    private AlertServers servers;
    private Database database;
    private Ledger ledger;
    private Path backups;
    private AlertSettings settings;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T07:59:00Z"));

    @BeforeEach
    void setUp() throws Exception {
        servers = new AlertServers(dir.resolve("servers"));
        database = TestLedgers.newEncryptedLedger(dir);
        ledger = JdbcLedgers.on(database);
        backups = Files.createDirectories(dir.resolve("backups"));
        Files.writeString(backups.resolve("tradevault-20261201T033000Z.tar.gpg"), "a backup");
        settings = AlertSettings.from(ConfigFactory.parseString(servers.config()
                + "alerts { daily-summary-at = \"08:00\", min-free-disk = 1K }\n")
                .withFallback(ConfigLoader.reference()).resolve());
        ledger.transaction(s -> {
            closedPosition(s);
            protectedPosition(s);
            return null;
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        database.close();
        servers.close();
    }

    @Test
    void theSummaryGoesOutOnceADayAtItsTimeAndNotAgainAfterARestart() throws Exception {
        try (DeliveringAlerts loop = delivering().start()) {
            Watching watching = watching(loop);
            watching.started();
            watching.scanned();
            clock.advance(Duration.ofSeconds(59));
            watching.scanned();
            assertTrue(summaries().isEmpty(), "not before 08:00");

            clock.advance(Duration.ofSeconds(2));
            watching.scanned();
            assertTrue(servers.webhook.await("daily-summary", Duration.ofSeconds(20)));
            assertTrue(servers.telegram.await("Daily summary 2026-12-01", Duration.ofSeconds(20)));
            assertTrue(servers.smtp.await("Subject: tradevault info: Daily summary 2026-12-01", Duration.ofSeconds(20)));
            clock.advance(Duration.ofHours(3));
            watching.scanned();
            watching.stopped();
        }
        WebhookReceiver.Received hook = servers.webhook.of("daily-summary").get(0);
        assertTrue(hook.signatureValid());
        assertEquals("info", hook.json().path("severity").asText());
        assertEquals("Daily summary 2026-12-01", hook.json().path("title").asText());
        assertEquals(DETAIL, hook.json().path("detail").asText());
        assertEquals("nothing", hook.json().path("next_step").asText());
        assertEquals(List.of("[INFO] Daily summary 2026-12-01\n" + DETAIL + "\nNext step: nothing"),
                servers.telegram.texts());
        assertEquals(1, servers.smtp.messages().size());

        restart();
        clock.advance(Duration.ofHours(8));
        DeliveringAlerts afterRestart = delivering();
        Watching again = watching(afterRestart);
        again.started();
        again.scanned();
        afterRestart.deliverDue();
        assertEquals(1, summaries().size(), "the same day after a restart: not again");
        assertEquals(1, servers.webhook.of("daily-summary").size());

        clock.advance(Duration.ofHours(13));
        again.scanned();
        afterRestart.deliverDue();
        assertEquals(List.of("Daily summary 2026-12-02", "Daily summary 2026-12-01"),
                summaries().stream().map(e -> e.alert().title()).toList());
        assertEquals(2, servers.webhook.of("daily-summary").size());
        assertTrue(summaries().get(0).delivered());
    }

    private static final String DETAIL = "Realized P&L: +12; 1 open position(s): 1 protected by a live stop"
            + " (#2 BTCUSDT 0.002, stop 29700); newest backup 2026-12-01T03:30:00Z.";

    private DeliveringAlerts delivering() {
        return new DeliveringAlerts(ledger, Channels.from(settings, Map.of()), settings, clock);
    }

    private Watching watching(DeliveringAlerts loop) {
        RaisingAlerts raising = new RaisingAlerts(settings.repeatAfter(), clock, loop::wake);
        return new Watching(ledger, raising, settings, clock, dir, backups);
    }

    /** Closes the ledger and opens it again, as a new bot process would. */
    private void restart() {
        database.close();
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        database = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env)).openExisting();
        ledger = JdbcLedgers.on(database);
    }

    private List<OutboxEntry> summaries() {
        return ledger.read(s -> s.recentAlerts(50)).stream().filter(e -> e.alert().event().equals("daily-summary"))
                .toList();
    }

    /** ETHUSDT bought for 300 and sold for 312.50 with 0.50 of fees: +12 realized. */
    private static void closedPosition(LedgerSession s) {
        Position p = s.insertPosition(Position.open("ETHUSDT", Quantity.of("0.1"), new BigDecimal("300"),
                e -> TrailingStop.from(e, Trail.percent("1"), RULES), T0));
        s.updatePosition(p.selling(Quantity.of("0.1"), Price.of("3125"), new BigDecimal("0.5"), T0).closed(T0));
    }

    /** BTCUSDT open, its stop acknowledged by the exchange. */
    private static void protectedPosition(LedgerSession s) {
        Position p = s.insertPosition(Position.open("BTCUSDT", Quantity.of("0.002"), new BigDecimal("60"),
                e -> TrailingStop.from(e, Trail.percent("1"), RULES), T0));
        Order o = s.insertOrder(Order.intent(new ClientOrderId("tv-s-daily"), Optional.of(p.id()), "BTCUSDT",
                Side.SELL, OrderType.STOP_LOSS, OrderPurpose.STOP, Quantity.of("0.002"),
                Optional.of(Price.of("29700")), T0));
        s.updateOrder(new Order(o.id(), o.clientOrderId(), Optional.of("9001"), o.positionId(), o.symbol(), o.side(),
                o.type(), o.purpose(), o.quantity(), o.price(), o.stopPrice(), o.executed(), OrderState.NEW,
                o.createdAt(), T0, Optional.empty(), o.trailingDelta()));
    }
}
