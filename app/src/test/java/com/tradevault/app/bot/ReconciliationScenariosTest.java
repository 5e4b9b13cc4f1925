package com.tradevault.app.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.OrderRequest;
import com.tradevault.app.exchange.OrderStatus;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.Side;
import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.orders.ClientOrderIds;
import com.tradevault.app.orders.OrderDraft;
import com.tradevault.app.orders.PlacingOrders;
import com.tradevault.app.orders.RecordingFills;
import com.tradevault.app.reconciliation.Invariant;
import com.tradevault.app.reconciliation.Plan;
import com.tradevault.app.reconciliation.ReconcileSettings;
import com.tradevault.app.reconciliation.Reconciliation;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderPurpose;
import com.tradevault.app.trading.OrderState;
import com.tradevault.app.trading.Position;
import com.tradevault.app.trading.Quantity;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reconciliation on a real encrypted ledger and the real in-process paper exchange, perturbed while "down". */
class ReconciliationScenariosTest {

    @TempDir
    Path dir;
    private BotFixture f;
    private PlacingOrders placing;
    private RecordingFills fills;

    @BeforeEach
    void setUp() {
        f = new BotFixture(dir, "paper.feed.volatility", "0");
        placing = new PlacingOrders(f.ledger, f.exchange, f.clock, new ClientOrderIds(), Duration.ofSeconds(10));
        fills = new RecordingFills(f.ledger, f.exchange, placing, f.clock, f.settings.strategy().trail());
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private Reconciliation reconciliation(ReconcileSettings settings) {
        return new Reconciliation(f.ledger, f.exchange, f.clock, placing, fills, settings, Duration.ofSeconds(10));
    }

    private Reconciliation.Report reconcile() {
        return reconciliation(ReconcileSettings.defaults()).run(List.of(BotFixture.SYMBOL));
    }

    /** Buys 0.003 BTC at market and protects it, as the bot does. */
    private Position openPosition() {
        placing.place(OrderDraft.marketBuy(BotFixture.SYMBOL, Quantity.of("0.003")));
        fills.sync(BotFixture.SYMBOL).forEach(e -> e.stopIntent().ifPresent(placing::send));
        return f.ledger.read(s -> s.openPosition(BotFixture.SYMBOL)).orElseThrow();
    }

    private List<String> violations() {
        var s = f.exchange.snapshot();
        return Invariant.violations(f.ledger, new Invariant.Venue(s.orders(), s.trades()));
    }

    private void price(String p) {
        f.clock.advance(Duration.ofSeconds(61));
        f.exchange.setPrice(BotFixture.SYMBOL, new BigDecimal(p));
    }

    @Test
    void reconcileReplacesCancelledStopAtTheLevelOfTheHighestPriceWhileDown() {
        openPosition();
        price("30600");
        price("30500");
        f.exchange.cancelAll(Optional.of(BotFixture.SYMBOL));
        Reconciliation.Report report = reconcile();
        assertTrue(report.settled(), String.join("\n", report.actions()));
        assertEquals(List.of(), violations());
        Position p = f.ledger.read(s -> s.openPosition(BotFixture.SYMBOL)).orElseThrow();
        assertEquals("30447", p.stop().level().toString());
        assertTrue(report.actions().stream().anyMatch(l -> l.contains("found: STOP_CANCELLED")), report.actions()
                .toString());
    }

    @Test
    void stopFilledWhileDownClosesThePositionWithItsRealFills() {
        openPosition();
        price("29000");
        Reconciliation.Report report = reconcile();
        assertEquals(0, report.openPositions());
        assertEquals(List.of(), violations());
        assertTrue(f.ledger.read(LedgerSession::realizedPnl).signum() < 0);
    }

    /**
     * The venue fills the stop while reconciliation is reading it (after its
     * open orders, before anything else): the bot was killed just before, as
     * in the crash soak. The balance then must not read as short of a
     * position that the same look found still open.
     */
    @Test
    void aStopThatFillsWhileReconciliationReadsIsNoBalanceMismatch() {
        openPosition();
        boolean[] filled = {false};
        Exchange fillingMidway = ExchangeAround.of(f.exchange, (method, args, call) -> {
            Object answer = call.proceed();
            if (method.getName().equals("openOrders") && !filled[0]) {
                filled[0] = true;
                price("29800");
            }
            return answer;
        });
        Reconciliation r = new Reconciliation(f.ledger, fillingMidway, f.clock, placing, fills,
                ReconcileSettings.defaults(), Duration.ofSeconds(10));

        Reconciliation.Report report = r.run(List.of(BotFixture.SYMBOL));

        assertTrue(filled[0], "the price reached the stop (at 29850, limit 29700.75) during the reconciliation");
        assertEquals(List.of(), r.entriesBlocked(), String.join("\n", report.actions()));
        assertTrue(report.actions().stream().noneMatch(l -> l.contains("BALANCE_MISMATCH")),
                String.join("\n", report.actions()));
        fills.sync(BotFixture.SYMBOL);
        assertEquals(0, f.ledger.read(LedgerSession::openPositions).size(), "the running bot records the stop's fill");
        assertEquals(List.of(), violations());
    }

    @Test
    void marketThroughTheStopExitsAtMarketAndSaysSo() {
        openPosition();
        f.exchange.cancelAll(Optional.of(BotFixture.SYMBOL));
        price("29000");
        Reconciliation.Report report = reconcile();
        assertTrue(report.actions().stream().anyMatch(l -> l.contains("exiting at market (policy exit-at-market)")),
                report.actions().toString());
        assertEquals(0, report.openPositions());
        assertEquals(List.of(), violations());
    }

    @Test
    void alertOnlyLeavesThePositionAndBlocksEntries() {
        openPosition();
        f.exchange.cancelAll(Optional.of(BotFixture.SYMBOL));
        price("29000");
        Reconciliation r = reconciliation(ReconcileSettings.defaults()
                .withPolicy(ReconcileSettings.MarketThroughStop.ALERT_ONLY));
        Reconciliation.Report report = r.run(List.of(BotFixture.SYMBOL));
        assertEquals(1, report.openPositions());
        assertEquals(List.of("position #1 BTCUSDT is unprotected below its stop level (alert-only)"),
                r.entriesBlocked());
    }

    @Test
    void entryIntentTheExchangeNeverGotIsMarkedNeverSentAndNotSentAgain() {
        Order intent = f.ledger.transaction(s -> placing.recordIntent(s, OrderDraft.marketBuy(BotFixture.SYMBOL,
                Quantity.of("0.003"))));
        f.clock.advance(Duration.ofSeconds(11));
        reconcile();
        assertEquals(OrderState.NEVER_SENT, f.ledger.read(s -> s.order(intent.clientOrderId())).orElseThrow().state());
        assertEquals(List.of(), f.exchange.snapshot().orders());
    }

    @Test
    void entryIntentTheExchangeExecutedIsAdoptedWithItsFillsAndProtected() {
        Order intent = f.ledger.transaction(s -> placing.recordIntent(s, OrderDraft.marketBuy(BotFixture.SYMBOL,
                Quantity.of("0.003"))));
        f.exchange.place(intent.request());
        Reconciliation.Report report = reconcile();
        assertTrue(report.settled(), String.join("\n", report.actions()));
        assertEquals(1, report.openPositions());
        assertEquals(List.of(), violations());
    }

    @Test
    void unknownOrderWithOurPrefixIsCancelledWhenConfigured() {
        ExchangeOrder stray = f.exchange.place(new OrderRequest(BotFixture.SYMBOL, Side.BUY, OrderType.LIMIT,
                new BigDecimal("0.001"), Optional.of(new BigDecimal("20000")), Optional.empty(),
                new ClientOrderId("tv-e-stray")));
        reconciliation(ReconcileSettings.defaults().cancellingUnknownOrders(true)).run(List.of(BotFixture.SYMBOL));
        assertEquals(OrderStatus.CANCELED, f.exchange.orderByClientId(BotFixture.SYMBOL, stray.clientOrderId())
                .orElseThrow().status());
        assertTrue(f.ledger.read(s -> s.order(stray.clientOrderId())).isEmpty());
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() {
        openPosition();
        f.exchange.cancelAll(Optional.of(BotFixture.SYMBOL));
        int ordersBefore = f.exchange.snapshot().orders().size();
        Plan plan = reconciliation(ReconcileSettings.defaults()).plan();
        assertEquals(2, plan.steps().size(), plan.reportLines(true).toString());
        assertTrue(plan.reportLines(true).get(0).startsWith("reconciliation plan (dry run, nothing changed)"));
        assertEquals(ordersBefore, f.exchange.snapshot().orders().size());
        assertEquals(OrderState.NEW, f.ledger.read(s -> s.allOrders()).stream()
                .filter(o -> o.purpose() == OrderPurpose.STOP).findFirst().orElseThrow().state());
    }
}
