package com.tradevault.app.reconciliation;

import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderState;
import com.tradevault.app.trading.Quantity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan while it is being made: findings and steps so far, and what the
 * ledger will look like once the order steps are done (each order's
 * expected state, and what the missing fills add to or take from each
 * position), so that protection is planned on that expected state.
 */
final class PlanSoFar {

    final List<Finding> findings = new ArrayList<>();
    final List<Step> steps = new ArrayList<>();
    final List<String> blockReasons = new ArrayList<>();
    final Set<Long> closing = new HashSet<>();
    private final Map<ClientOrderId, OrderState> expected = new HashMap<>();
    private final Map<Long, Quantity> bought = new HashMap<>();
    private final Map<Long, Quantity> sold = new HashMap<>();
    private final Set<ClientOrderId> handledStrays = new HashSet<>();
    boolean pending;

    void found(Finding finding) {
        findings.add(finding);
    }

    void step(Step step) {
        steps.add(step);
    }

    /** An order of ours the ledger does not know, already adopted or cancelled by the protection plan. */
    void handle(ClientOrderId stray) {
        handledStrays.add(stray);
    }

    boolean handled(ClientOrderId stray) {
        return handledStrays.contains(stray);
    }

    void expect(Order order, OrderState state) {
        expected.put(order.clientOrderId(), state);
    }

    OrderState expectedState(Order order) {
        return expected.getOrDefault(order.clientOrderId(), order.state());
    }

    void addBought(long positionId, Quantity quantity) {
        bought.merge(positionId, quantity, Quantity::plus);
    }

    void addSold(long positionId, Quantity quantity) {
        sold.merge(positionId, quantity, Quantity::plus);
    }

    /** A position's quantity once the missing fills are recorded. */
    Quantity remaining(long positionId, Quantity now) {
        return now.plus(bought.getOrDefault(positionId, Quantity.ZERO)).minus(sold.getOrDefault(positionId,
                Quantity.ZERO));
    }

    Plan plan(int openPositions) {
        return new Plan(findings, steps, pending, blockReasons, openPositions);
    }
}
