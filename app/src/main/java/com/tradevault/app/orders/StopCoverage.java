package com.tradevault.app.orders;

import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderPurpose;
import com.tradevault.app.trading.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which open positions are protected, by the ledger's word: a position is
 * protected only when its stop is one the venue acknowledged as open (NEW or
 * PARTIALLY_FILLED, with the venue's order id, no cancel requested). An
 * intent, a refused or cancelled stop, or none at all is no protection.
 *
 * @param covered     open positions with an acknowledged open stop
 * @param uncovered   open positions without one
 */
public record StopCoverage(List<Position> covered, List<Position> uncovered) {

    public StopCoverage {
        covered = List.copyOf(covered);
        uncovered = List.copyOf(uncovered);
    }

    /** The coverage of every open position in the ledger. */
    public static StopCoverage read(LedgerSession s) {
        List<Position> covered = new ArrayList<>();
        List<Position> uncovered = new ArrayList<>();
        for (Position p : s.openPositions()) {
            (liveStop(s, p).isPresent() ? covered : uncovered).add(p);
        }
        return new StopCoverage(covered, uncovered);
    }

    /** The stop protecting {@code position}, if the venue acknowledged one as open. */
    public static Optional<Order> liveStop(LedgerSession s, Position position) {
        return s.ordersOf(position.id()).stream().filter(o -> o.purpose() == OrderPurpose.STOP
                && o.acknowledgedOpen()).reduce((a, b) -> b);
    }

    /** {@code #3 BTCUSDT, #4 ETHUSDT}: the positions without protection, for reports. */
    public String uncoveredNames() {
        return String.join(", ", uncovered.stream().map(p -> "#" + p.id() + " " + p.symbol()).toList());
    }

    public int open() {
        return covered.size() + uncovered.size();
    }
}
