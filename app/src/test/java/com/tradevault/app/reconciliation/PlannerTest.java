package com.tradevault.app.reconciliation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.OrderStatus;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.Side;
import com.tradevault.app.reconciliation.ReconcileSettings.MarketThroughStop;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderPurpose;
import com.tradevault.app.trading.OrderState;
import com.tradevault.app.trading.Position;
import com.tradevault.app.trading.Price;
import com.tradevault.app.trading.Quantity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private final Situation s = new Situation();
    private ReconcileSettings settings = ReconcileSettings.defaults();

    private Plan plan() {
        return new Planner(settings, Duration.ofSeconds(10)).plan(s.snapshot());
    }

    private static List<String> steps(Plan plan) {
        return plan.steps().stream().map(Step::describe).toList();
    }

    private static List<Finding.Kind> kinds(Plan plan) {
        return plan.findings().stream().map(Finding::kind).toList();
    }

    @Test
    void agreesWhenTheOnlyPositionHasOneLiveStop() {
        Position p = s.position(1);
        s.onVenue(s.stop(p, OrderState.NEW, "29700"), OrderStatus.NEW, "0");
        Plan plan = plan();
        assertTrue(plan.agrees());
        assertEquals("reconciliation: ledger and exchange agree; 1 open position(s), each with one live stop",
                plan.reportLines(false).get(0));
    }

    @Test
    void reconcileReplacesCancelledStopAtTheLevelOfTheHighestPriceWhileDown() {
        Position p = s.position(1);
        Order stop = s.stop(p, OrderState.NEW, "29700");
        s.onVenue(stop, OrderStatus.CANCELED, "0");
        s.highest.put(1L, Price.of("31000"));
        s.lastPrice = Price.of("30800");
        Plan plan = plan();
        assertEquals(List.of("update tv-s-1 NEW -> CANCELED",
                "place stop for position #1 BTCUSDT: sell 0.01 at 30690 (highest 31000, trail 1%)"), steps(plan));
        assertEquals(List.of(Finding.Kind.STOP_CANCELLED, Finding.Kind.STOP_MISSING), kinds(plan));
        assertFalse(plan.blocksEntries());
    }

    @Test
    void stopUnknownToTheExchangeIsMarkedExpiredAndPlacedAgain() {
        Position p = s.position(1);
        s.stop(p, OrderState.NEW, "29700");
        assertEquals(List.of("mark tv-s-1 EXPIRED (the exchange does not know it)",
                "place stop for position #1 BTCUSDT: sell 0.01 at 30195 (highest 30500, trail 1%)"), steps(plan()));
    }

    @Test
    void marketThroughTheRecomputedStopExitsAtMarketByDefault() {
        Position p = s.position(1);
        s.onVenue(s.stop(p, OrderState.NEW, "29700"), OrderStatus.EXPIRED, "0");
        s.highest.put(1L, Price.of("31000"));
        s.lastPrice = Price.of("30600");
        Plan plan = plan();
        assertEquals("exit position #1 BTCUSDT at market: sell 0.01 (price 30600 is at or below the stop level 30690)",
                steps(plan).get(1));
        assertEquals("MARKET_THROUGH_STOP position #1 BTCUSDT: no live stop, and the price 30600 is already at or"
                + " below its level 30690: exiting at market (policy exit-at-market)", plan.findings().get(1).toString());
    }

    @Test
    void alertOnlyPolicyLeavesThePositionAndBlocksEntries() {
        settings = settings.withPolicy(MarketThroughStop.ALERT_ONLY);
        Position p = s.position(1);
        s.onVenue(s.stop(p, OrderState.NEW, "29700"), OrderStatus.CANCELED, "0");
        s.lastPrice = Price.of("29000");
        Plan plan = plan();
        assertEquals(List.of("update tv-s-1 NEW -> CANCELED"), steps(plan));
        assertEquals(List.of("position #1 BTCUSDT is unprotected below its stop level (alert-only)"),
                plan.blockReasons());
    }

    @Test
    void stopFilledWhileDownRecordsItsFillsAndClosesThePosition() {
        Position p = s.position(1);
        ExchangeOrder v = s.onVenue(s.stop(p, OrderState.NEW, "29700"), OrderStatus.FILLED, "0.01");
        s.trade(v, "0.004", "29700");
        s.trade(v, "0.006", "29690");
        s.balances.clear();
        Plan plan = plan();
        assertEquals(List.of("update tv-s-1 NEW -> FILLED",
                "record 2 fill(s) of tv-s-1: BTCUSDT:100 0.004 @ 29700, BTCUSDT:101 0.006 @ 29690"), steps(plan));
        assertEquals(List.of(Finding.Kind.STOP_FILLED, Finding.Kind.MISSING_FILLS), kinds(plan));
        assertEquals(0, plan.openPositions());
    }

    @Test
    void partlyFilledStopThatWasCancelledGetsItsFillsAndTheRemainderProtected() {
        Position p = s.position(1);
        ExchangeOrder v = s.onVenue(s.stop(p, OrderState.NEW, "29700"), OrderStatus.CANCELED, "0.004");
        s.trade(v, "0.004", "29700");
        s.balances.put("BTC", new com.tradevault.app.exchange.Balance("BTC", new BigDecimal("0.006"), BigDecimal.ZERO));
        Plan plan = plan();
        assertEquals(List.of("update tv-s-1 NEW -> CANCELED", "record 1 fill(s) of tv-s-1: BTCUSDT:100 0.004 @ 29700",
                "place stop for position #1 BTCUSDT: sell 0.006 at 30195 (highest 30500, trail 1%)"), steps(plan));
        assertFalse(plan.blocksEntries());
    }

    @Test
    void partlyFilledLiveStopKeepsProtectingTheRemainder() {
        Position p = s.position(1);
        ExchangeOrder v = s.onVenue(s.stop(p, OrderState.NEW, "29700"), OrderStatus.PARTIALLY_FILLED, "0.004");
        s.trade(v, "0.004", "29700");
        Plan plan = plan();
        assertEquals(List.of("update tv-s-1 NEW -> PARTIALLY_FILLED",
                "record 1 fill(s) of tv-s-1: BTCUSDT:100 0.004 @ 29700"), steps(plan));
        assertEquals(List.of(Finding.Kind.STOP_PARTIALLY_FILLED, Finding.Kind.MISSING_FILLS), kinds(plan));
    }

    @Test
    void entryIntentTheExchangeHasIsAdoptedWithItsFills() {
        Order entry = s.order(null, OrderPurpose.ENTRY, Side.BUY, OrderType.MARKET, OrderState.INTENT,
                Optional.empty());
        ExchangeOrder v = s.onVenue(entry, OrderStatus.FILLED, "0.01");
        s.trade(v, "0.01", "30000");
        Plan plan = plan();
        assertEquals(List.of("adopt tv-e-1 as FILLED (exchange id X1)",
                "record 1 fill(s) of tv-e-1: BTCUSDT:100 0.01 @ 30000"), steps(plan));
    }

    @Test
    void entryIntentTheExchangeNeverGotIsMarkedNeverSentAndNotSentAgain() {
        s.order(null, OrderPurpose.ENTRY, Side.BUY, OrderType.MARKET, OrderState.INTENT, Optional.empty());
        Plan plan = plan();
        assertEquals(List.of("mark tv-e-1 (ENTRY) NEVER_SENT"), steps(plan));
        assertEquals("INTENT_NEVER_SENT order tv-e-1 (ENTRY BTCUSDT): the exchange never received it: marked"
                + " NEVER_SENT; the entry is not sent again, the strategy decides anew", plan.findings().get(0).toString());
    }

    @Test
    void intentYoungerThanTheGraceWaitsInsteadOfBeingDeclaredNeverSent() {
        s.now = Situation.T0.plusSeconds(3);
        s.order(null, OrderPurpose.ENTRY, Side.BUY, OrderType.MARKET, OrderState.INTENT, Optional.empty());
        Plan plan = plan();
        assertTrue(plan.pending());
        assertTrue(plan.steps().isEmpty());
    }

    @Test
    void crashBetweenCancelAndPlaceOfATrailingMoveCancelsTheOldStopAndPlacesOne() {
        Position p = s.position(1);
        Order old = s.stop(p, OrderState.NEW, "29700");
        old = s.replace(old, old.cancelRequested(Situation.T0.plusSeconds(5)));
        s.onVenue(old, OrderStatus.NEW, "0");
        s.stop(p, OrderState.INTENT, "30195");
        Plan plan = plan();
        assertEquals(List.of("cancel tv-s-1 (its cancel was decided before the restart)",
                "mark tv-s-2 (STOP) NEVER_SENT",
                "place stop for position #1 BTCUSDT: sell 0.01 at 30195 (highest 30500, trail 1%)"), steps(plan));
    }

    @Test
    void twoLiveStopsKeepOnlyTheNewest() {
        Position p = s.position(1);
        s.onVenue(s.stop(p, OrderState.NEW, "29700"), OrderStatus.NEW, "0");
        s.onVenue(s.stop(p, OrderState.NEW, "29800"), OrderStatus.NEW, "0");
        assertEquals(List.of("cancel tv-s-1 (a surplus stop: exactly one is kept, the newest)"), steps(plan()));
    }

    @Test
    void unknownOrderWithOurPrefixIsReportedAndCancelledOnlyWhenConfigured() {
        ExchangeOrder stray = new ExchangeOrder("BTCUSDT", "X9", new ClientOrderId("tv-e-stray"), Side.BUY,
                OrderType.LIMIT, OrderStatus.NEW, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, Optional.empty(),
                Optional.empty(), true, Instant.EPOCH, Instant.EPOCH);
        s.venueOpen.add(stray);
        assertEquals("UNKNOWN_ORDER order tv-e-stray on BTCUSDT: open on the exchange with our prefix but unknown to"
                + " the ledger: left in place (reconcile.cancel-unknown-orders = off)", plan().findings().get(0).toString());
        settings = settings.cancellingUnknownOrders(true);
        assertEquals(List.of("cancel unknown order tv-e-stray BTCUSDT (exchange id X9)"), steps(plan()));
    }

    @Test
    void balanceShortOfTheOpenPositionsBlocksNewEntries() {
        Position p = s.position(1);
        s.onVenue(s.stop(p, OrderState.NEW, "29700"), OrderStatus.NEW, "0");
        s.balances.put("BTC", new com.tradevault.app.exchange.Balance("BTC", BigDecimal.ZERO, new BigDecimal("0.005")));
        Plan plan = plan();
        assertEquals(List.of("the exchange holds 0.005 BTC, open positions 0.01"), plan.blockReasons());
        assertEquals(Finding.Kind.BALANCE_MISMATCH, plan.findings().get(0).kind());
    }

    @Test
    void dustLeftAfterPartialFillsGetsNoStop() {
        Position p = s.position(1);
        ExchangeOrder v = s.onVenue(s.stop(p, OrderState.NEW, "29700"), OrderStatus.CANCELED, "0.00999");
        s.trade(v, "0.00999", "29700");
        Plan plan = plan();
        assertEquals(Finding.Kind.DUST_ONLY, plan.findings().get(plan.findings().size() - 1).kind());
        assertEquals(Quantity.of("0.01"), p.quantity());
    }
}
