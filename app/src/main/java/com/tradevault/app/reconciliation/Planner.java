package com.tradevault.app.reconciliation;

import java.time.Duration;

/**
 * Plans a reconciliation from a {@link Observation}: pure logic, no I/O, so that
 * {@code tradevault reconcile --dry-run} shows exactly what a real run would
 * do, and every case can be tested without an exchange.
 */
public final class Planner {

    private final PlanningOrders orders;
    private final PlanningProtection protection;

    /**
     * @param intentGrace how long an intent the exchange does not know may still be in flight
     */
    public Planner(ReconcileSettings settings, Duration intentGrace) {
        this.orders = new PlanningOrders(intentGrace);
        this.protection = new PlanningProtection(settings);
    }

    public Plan plan(Observation snapshot) {
        PlanSoFar planned = new PlanSoFar();
        orders.plan(snapshot, planned);
        protection.plan(snapshot, planned);
        int open = (int) snapshot.openPositions().stream().filter(p -> !planned.closing.contains(p.id())).count();
        return planned.plan(open);
    }
}
