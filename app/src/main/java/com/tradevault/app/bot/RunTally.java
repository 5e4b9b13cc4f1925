package com.tradevault.app.bot;

import com.tradevault.app.trading.Decision;
import java.util.EnumMap;
import java.util.Map;

/** Counts a run's scans and decisions, for the summary printed at the end. */
final class RunTally {

    private final Map<Decision.Kind, Integer> decisions = new EnumMap<>(Decision.Kind.class);
    private int scans;

    void count(Decision decision) {
        scans++;
        decisions.merge(decision.kind(), 1, Integer::sum);
    }

    int scans() {
        return scans;
    }

    Map<Decision.Kind, Integer> decisions() {
        return Map.copyOf(decisions);
    }
}
