package com.tradevault.app.reconciliation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one reconciliation found and what it will do about it, in order.
 *
 * @param findings      every finding, each with what is done about it
 * @param steps         the changes, in the order they are made
 * @param pending       an intent may still be in flight: reconcile again after the grace period
 * @param blockReasons  why new entries must wait (empty: entries may go on)
 * @param openPositions open positions expected once the steps are done
 */
public record Plan(List<Finding> findings, List<Step> steps, boolean pending, List<String> blockReasons,
                   int openPositions) {

    public Plan {
        findings = List.copyOf(findings);
        steps = List.copyOf(steps);
        blockReasons = List.copyOf(blockReasons);
    }

    public boolean agrees() {
        return findings.isEmpty() && steps.isEmpty();
    }

    public boolean blocksEntries() {
        return !blockReasons.isEmpty();
    }

    /** The readable report: a headline, then findings and steps, one per line. */
    public List<String> reportLines(boolean dryRun) {
        return reportLines(dryRun, Map.of());
    }

    /**
     * The readable report of a plan that was carried out: a step is "done"
     * only when the exchange accepted it; one in {@code notDone} is reported
     * with why it was not.
     */
    public List<String> reportLines(boolean dryRun, Map<Step, String> notDone) {
        List<String> lines = new ArrayList<>();
        lines.add(headline(dryRun));
        findings.forEach(f -> lines.add("  found: " + f));
        steps.forEach(s -> lines.add(dryRun ? "  would: " + s.describe() : notDone.containsKey(s)
                ? "  NOT DONE: " + s.describe() + ": " + notDone.get(s) : "  done:  " + s.describe()));
        blockReasons.forEach(r -> lines.add("  new entries blocked: " + r));
        if (dryRun && !agrees()) {
            lines.add("  afterwards: " + openPositions + " open position(s)");
        }
        if (pending) {
            lines.add("  waiting: an order intent may still be on its way to the exchange; reconciling again shortly");
        }
        return lines;
    }

    private String headline(boolean dryRun) {
        if (agrees()) {
            return "reconciliation: ledger and exchange agree; " + openPositions + " open position(s), each with one"
                    + " live stop";
        }
        return "reconciliation" + (dryRun ? " plan (dry run, nothing changed)" : "") + ": " + findings.size()
                + " finding(s), " + steps.size() + " step(s)";
    }

    /** The summary for the audit log and {@code --json}. */
    public Map<String, Object> summary(boolean dryRun) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dryRun", dryRun);
        data.put("agrees", agrees());
        data.put("openPositions", openPositions);
        data.put("findings", findings.stream().map(Finding::auditData).toList());
        data.put("steps", steps.stream().map(Step::describe).toList());
        data.put("pending", pending);
        data.put("entriesBlocked", blockReasons);
        return data;
    }
}
