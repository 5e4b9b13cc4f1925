package com.tradevault.app.reconciliation;

import java.util.List;
import java.util.Map;

/**
 * What applying a plan's steps achieved: the steps the exchange did not
 * accept (or did not answer), each with why. A step missing here was done.
 *
 * @param failures      per step that was not done, why
 * @param refusedForNow a stop placement was refused for a reason that may pass (a balance locked by
 *                      another order, the exchange unreachable): asking again at once would be refused again
 */
record Applied(Map<Step, String> failures, boolean refusedForNow) {

    Applied {
        failures = Map.copyOf(failures);
    }

    static Applied nothing() {
        return new Applied(Map.of(), false);
    }

    /** Why new entries must wait: every position whose stop could not be placed. */
    List<String> blockReasons() {
        return failures.entrySet().stream().filter(e -> e.getKey() instanceof Step.PlaceStop)
                .map(e -> FindingDetails.subject(((Step.PlaceStop) e.getKey()).position()) + " has no live stop: "
                        + e.getValue()).sorted().toList();
    }
}
