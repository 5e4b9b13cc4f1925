package com.tradevault.app.status;

import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.orders.StopCoverage;
import com.tradevault.app.trading.Decision;
import com.tradevault.app.trading.Money;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderPurpose;
import com.tradevault.app.trading.Position;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trading part of {@code status}, read from the ledger only (it never
 * contacts the exchange): open positions with their stop, open orders, P&L
 * and the last decision. Unrealized P&L is at the last price the bot saw.
 * Shared by {@code status} and the dashboard, so both tell the same truth.
 */
public record TradingStatus(List<PositionView> openPositions, List<String> unprotectedPositions, List<OrderView> openOrders,
                     BigDecimal realizedPnl, BigDecimal unrealizedPnl, List<DustView> dust, DecisionView lastDecision) {

    /**
     * What closed positions of a symbol left below its lot step, owned by no position: the symbol's next
     * position takes it over (its stop and exit sell it in whole lot steps).
     */
    public record DustView(String symbol, String asset, BigDecimal quantity, String updatedAt) {
    }

    /**
     * An open position and its newest stop order not final (null if none);
     * {@code protectedByStop} only when the exchange acknowledged that stop as
     * open (NEW or PARTIALLY_FILLED, with its exchange order id).
     */
    public record PositionView(long id, String symbol, BigDecimal quantity, BigDecimal entryPrice, BigDecimal highestPrice,
                        BigDecimal stopLevel, String trail, BigDecimal lastPrice, String lastPriceAt,
                        BigDecimal unrealizedPnl, boolean protectedByStop, OrderView stopOrder) {
    }

    /** An order that is not final. */
    public record OrderView(String clientOrderId, String exchangeOrderId, String symbol, String purpose, String side,
                     String type, BigDecimal quantity, BigDecimal stopPrice, Integer trailingDelta, String state,
                     String cancelRequestedAt) {

        public static OrderView of(Order o) {
            return new OrderView(o.clientOrderId().value(), o.exchangeOrderId().orElse(null), o.symbol(),
                    o.purpose().name(), o.side().name(), o.type().name(), o.quantity().value().stripTrailingZeros(),
                    o.stopPrice().map(p -> p.value().stripTrailingZeros()).orElse(null), o.trailingDelta().orElse(null),
                    o.state().name(), o.cancelRequestedAt().map(Instant::toString).orElse(null));
        }
    }

    /** The last scan's decision. */
    public record DecisionView(String symbol, String decidedAt, String decision, String skipReason,
                        Map<String, Object> inputs) {
    }

    /** Reads the status on its own read connection. */
    public static TradingStatus read(Ledger ledger) {
        return ledger.read(TradingStatus::read);
    }

    /** Reads the status inside an open session. */
    public static TradingStatus read(LedgerSession s) {
        List<PositionView> positions = new ArrayList<>();
        Money unrealized = Money.ZERO;
        for (Position p : s.openPositions()) {
            Optional<LedgerSession.SeenPrice> seen = s.lastPrice(p.symbol());
            Optional<Money> pnl = seen.map(x -> p.unrealizedPnlAt(x.price()));
            unrealized = unrealized.plus(pnl.orElse(Money.ZERO));
            Optional<Order> stop = s.ordersOf(p.id()).stream().filter(o -> o.purpose() == OrderPurpose.STOP
                    && o.state().isUnfinished() && o.cancelRequestedAt().isEmpty()).reduce((a, b) -> b);
            positions.add(new PositionView(p.id(), p.symbol(), p.quantity().value().stripTrailingZeros(),
                    p.entryPrice().value().stripTrailingZeros(), p.stop().highest().value().stripTrailingZeros(),
                    p.stop().level().value().stripTrailingZeros(), p.stop().trail().toString(),
                    seen.map(x -> x.price().value().stripTrailingZeros()).orElse(null),
                    seen.map(x -> x.at().toString()).orElse(null),
                    pnl.map(m -> m.value().stripTrailingZeros()).orElse(null),
                    StopCoverage.liveStop(s, p).isPresent(), stop.map(OrderView::of).orElse(null)));
        }
        List<String> unprotected = positions.stream().filter(p -> !p.protectedByStop())
                .map(p -> "#" + p.id() + " " + p.symbol()).toList();
        List<OrderView> orders = s.unfinishedOrders().stream().map(OrderView::of).toList();
        DecisionView last = s.lastDecision().map(TradingStatus::view).orElse(null);
        List<DustView> dust = s.allDust().stream().filter(d -> !d.isZero()).map(d -> new DustView(d.symbol(),
                d.asset(), d.quantity().value().stripTrailingZeros(), d.updatedAt().toString())).toList();
        return new TradingStatus(positions, unprotected, orders, s.realizedPnl().value().stripTrailingZeros(),
                unrealized.value().stripTrailingZeros(), dust, last);
    }

    /** A decision as status shows it. */
    public static DecisionView view(Decision d) {
        return new DecisionView(d.symbol(), d.decidedAt().toString(), d.kind().name(), d.skipReason().orElse(null),
                d.payload());
    }

    /** Prints the status as {@code status} shows it. */
    public void print(PrintWriter out) {
        out.println("positions:  " + (openPositions.isEmpty() ? "none open" : openPositions.size() + " open"
                + (unprotectedPositions.isEmpty() ? ", each protected by a stop the exchange acknowledged"
                : ", UNPROTECTED: " + String.join(", ", unprotectedPositions))));
        for (PositionView p : openPositions) {
            out.println("  #" + p.id() + " " + p.symbol() + " " + plain(p.quantity()) + " @ " + plain(p.entryPrice())
                    + ", high " + plain(p.highestPrice()) + ", stop " + plain(p.stopLevel()) + " (trail " + p.trail()
                    + "), unrealized " + signed(p.unrealizedPnl()) + " at " + plain(p.lastPrice()));
            out.println("    stop order: " + (p.stopOrder() == null ? "NONE" : describe(p.stopOrder()))
                    + (p.protectedByStop() ? " (protected)" : " -- UNPROTECTED: no stop the exchange acknowledged as"
                    + " open; run 'tradevault run' (or 'tradevault reconcile') to place it"));
        }
        out.println("orders:     " + (openOrders.isEmpty() ? "none open" : openOrders.size() + " not final"));
        openOrders.forEach(o -> out.println("  " + describe(o)));
        out.println("P&L:        realized " + signed(realizedPnl) + ", unrealized " + signed(unrealizedPnl)
                + " (quote asset, at the last price seen)");
        out.println("dust:       " + (dust.isEmpty() ? "none" : String.join(", ", dust.stream().map(d ->
                plain(d.quantity()) + " " + d.asset() + " (" + d.symbol() + ")").toList())
                + ", below a lot step: the next position of the symbol sells it with its own"));
        out.println("decision:   " + (lastDecision == null ? "none yet" : lastDecision.decidedAt() + " "
                + lastDecision.symbol() + " " + lastDecision.decision()
                + (lastDecision.skipReason() == null ? "" : " (" + lastDecision.skipReason() + ")")));
    }

    private static String describe(OrderView o) {
        return o.clientOrderId() + " " + o.purpose() + " " + o.side() + " " + o.type() + " " + plain(o.quantity())
                + " " + o.symbol() + (o.stopPrice() == null ? "" : " stop " + plain(o.stopPrice()))
                + (o.trailingDelta() == null ? "" : " trailing " + o.trailingDelta() + " bips (moved by the exchange)")
                + " " + o.state()
                + (o.exchangeOrderId() == null ? "" : ", exchange id " + o.exchangeOrderId())
                + (o.cancelRequestedAt() == null ? "" : ", cancel requested");
    }

    private static String plain(BigDecimal v) {
        return v == null ? "?" : v.toPlainString();
    }

    private static String signed(BigDecimal v) {
        return v == null ? "?" : (v.signum() > 0 ? "+" : "") + v.toPlainString();
    }
}
