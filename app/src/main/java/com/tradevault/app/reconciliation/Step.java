package com.tradevault.app.reconciliation;

import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.ExchangeTrade;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.Position;
import com.tradevault.app.trading.Price;
import com.tradevault.app.trading.Quantity;
import com.tradevault.app.trading.TrailingStop;
import java.util.List;

/**
 * One change reconciliation makes, in the order the plan lists them: first
 * the ledger learns what the exchange did (adopt, refresh, record fills),
 * then protection is restored (cancel, place, exit).
 */
public sealed interface Step {

    /** One readable line for the plan and the report. */
    String describe();

    /** The symbol of the order or position the step is about. */
    String symbol();

    /** Whether making the step may record fills, so that the symbol's account is asked again afterwards. */
    boolean mayHaveFilled();

    /** Calls {@code visitor} for this kind of step: the compiler makes every visitor handle every kind. */
    void accept(Visitor visitor);

    /** Work for each kind of step, one method per kind. */
    interface Visitor {
        void visit(Adopt step);

        void visit(MarkNeverSent step);

        void visit(Refresh step);

        void visit(MarkVanished step);

        void visit(RecordFills step);

        void visit(Cancel step);

        void visit(PlaceStop step);

        void visit(ExitAtMarket step);

        void visit(AdoptStop step);

        void visit(CancelUnknown step);
    }

    /** An intent the exchange has: take its id and state. */
    record Adopt(Order order, ExchangeOrder venue) implements Step {
        public String describe() {
            return "adopt " + order.clientOrderId() + " as " + venue.status() + " (exchange id "
                    + venue.exchangeOrderId() + ")";
        }

        public String symbol() {
            return order.symbol();
        }

        public boolean mayHaveFilled() {
            return venue.executedQuantity().signum() > 0;
        }

        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** An intent the exchange never got: mark it NEVER_SENT; it is never sent again. */
    record MarkNeverSent(Order order) implements Step {
        public String describe() {
            return "mark " + order.clientOrderId() + " (" + order.purpose() + ") NEVER_SENT";
        }

        public String symbol() {
            return order.symbol();
        }

        public boolean mayHaveFilled() {
            return false;
        }

        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** A live order whose state changed on the exchange. */
    record Refresh(Order order, ExchangeOrder venue) implements Step {
        public String describe() {
            return "update " + order.clientOrderId() + " " + order.state() + " -> " + venue.status();
        }

        public String symbol() {
            return order.symbol();
        }

        public boolean mayHaveFilled() {
            return venue.executedQuantity().signum() > 0;
        }

        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** A live order the exchange no longer knows: recorded as EXPIRED. */
    record MarkVanished(Order order) implements Step {
        public String describe() {
            return "mark " + order.clientOrderId() + " EXPIRED (the exchange does not know it)";
        }

        public String symbol() {
            return order.symbol();
        }

        public boolean mayHaveFilled() {
            return false;
        }

        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** Fills of our order that the ledger lacks: recorded once each, with their position change. */
    record RecordFills(Order order, List<ExchangeTrade> trades) implements Step {
        public RecordFills {
            trades = List.copyOf(trades);
        }

        public String describe() {
            return "record " + trades.size() + " fill(s) of " + order.clientOrderId() + ": "
                    + String.join(", ", trades.stream().map(t -> t.fillId() + " " + t.quantity() + " @ "
                    + t.price()).toList());
        }

        public String symbol() {
            return order.symbol();
        }

        public boolean mayHaveFilled() {
            return true;
        }

        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** A live order the bot had decided to cancel (or a surplus stop): cancel it. */
    record Cancel(Order order, String why) implements Step {
        public String describe() {
            return "cancel " + order.clientOrderId() + " (" + why + ")";
        }

        public String symbol() {
            return order.symbol();
        }

        public boolean mayHaveFilled() {
            return true;
        }

        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** Place the protective stop again at the recomputed trailing level. */
    record PlaceStop(Position position, TrailingStop stop, Quantity quantity) implements Step {
        public String describe() {
            return "place stop for position #" + position.id() + " " + position.symbol() + ": sell " + quantity
                    + " at " + stop.level() + " (highest " + stop.highest() + ", trail " + stop.trail() + ")";
        }

        public String symbol() {
            return position.symbol();
        }

        public boolean mayHaveFilled() {
            return false;
        }

        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** The market is through the stop level: sell at market now. */
    record ExitAtMarket(Position position, Quantity quantity, Price price, Price level) implements Step {
        public String describe() {
            return "exit position #" + position.id() + " " + position.symbol() + " at market: sell " + quantity
                    + " (price " + price + " is at or below the stop level " + level + ")";
        }

        public String symbol() {
            return position.symbol();
        }

        public boolean mayHaveFilled() {
            return true;
        }

        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /**
     * A stop of ours the ledger lost (a restored backup, a truncated log) that
     * fits the position: recorded as its stop, the position's trailing level
     * raised to it.
     */
    record AdoptStop(Position position, ExchangeOrder venue, TrailingStop stop) implements Step {
        public String describe() {
            return "adopt stop " + venue.clientOrderId() + " (exchange id " + venue.exchangeOrderId() + ", sell "
                    + venue.quantity().toPlainString() + " at " + venue.stopPrice().map(p -> p.toPlainString())
                    .orElse("?") + ") as the stop of position #" + position.id() + " " + position.symbol();
        }

        public String symbol() {
            return position.symbol();
        }

        public boolean mayHaveFilled() {
            return false;
        }

        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** An order with our prefix the ledger does not know: cancelled (configured to, or it locks a stop's coins). */
    record CancelUnknown(ExchangeOrder venue) implements Step {
        public String describe() {
            return "cancel unknown order " + venue.clientOrderId() + " " + venue.symbol() + " (exchange id "
                    + venue.exchangeOrderId() + ")";
        }

        public String symbol() {
            return venue.symbol();
        }

        public boolean mayHaveFilled() {
            return true;
        }

        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }
}
