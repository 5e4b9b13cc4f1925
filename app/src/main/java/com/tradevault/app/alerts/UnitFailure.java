package com.tradevault.app.alerts;

import java.util.Map;
import java.util.Optional;

/**
 * How a systemd unit failed, as systemd (v251 and later) tells the unit its
 * {@code OnFailure=} started: {@code MONITOR_SERVICE_RESULT} ({@code exit-code},
 * {@code signal}, {@code watchdog}, {@code start-limit-hit}...),
 * {@code MONITOR_EXIT_CODE} ({@code exited}, {@code killed}, {@code dumped}) and
 * {@code MONITOR_EXIT_STATUS} (the exit status or the signal's name). It turns
 * the bot's exit codes (core's {@code Outcome}) into the alert the owner needs:
 * 3 an integrity problem, 4 a key problem, 2 bad configuration, 5 a second
 * instance; anything else, or no variables at all (an older systemd, a manual
 * start), is the generic {@code unit-failed}.
 *
 * @param result the service result, empty when systemd did not say
 * @param code   how the main process ended, empty when systemd did not say
 * @param status its exit status or signal, empty when systemd did not say
 */
public record UnitFailure(String result, String code, String status) {

    /** What the environment of {@code tradevault-alert@.service} says about the failure. */
    public static UnitFailure fromEnvironment(Map<String, String> env) {
        return new UnitFailure(env.getOrDefault("MONITOR_SERVICE_RESULT", ""),
                env.getOrDefault("MONITOR_EXIT_CODE", ""), env.getOrDefault("MONITOR_EXIT_STATUS", ""));
    }

    /** The alert for {@code unit} on {@code host}: specific when the exit code names the cause. */
    public Alert alert(String unit, String host) {
        return switch (exitStatus().orElse(-1)) {
            case 3 -> Conditions.integrityProblem(unit, host, how());
            case 4 -> Conditions.keyProblem(unit, host, how());
            case 2 -> Conditions.unitFailed(unit, host, how() + ": its configuration is invalid",
                    "run 'tradevault config check', fix what it names, then");
            case 5 -> Conditions.unitFailed(unit, host, how() + ": another tradevault process holds the ledger",
                    "stop the other process (see 'tradevault status'), then");
            default -> Conditions.unitFailed(unit, host, how(), "read 'journalctl -u " + unit + " -n 50', fix the"
                    + " cause, then");
        };
    }

    /** The exit status when the main process exited (not killed by a signal). */
    Optional<Integer> exitStatus() {
        if (!code.equals("exited") || !status.matches("\\d{1,3}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(status));
    }

    /** The failure in words, from what systemd said ("systemd gave up" when it said nothing). */
    String how() {
        if (result.isEmpty() && code.isEmpty()) {
            return "systemd did not say how it ended";
        }
        String ended = switch (code) {
            case "exited" -> "exited with status " + status;
            case "killed" -> "was killed by " + status;
            case "dumped" -> "dumped core on " + status;
            default -> "ended";
        };
        return "its last run " + ended + " (systemd's result: " + (result.isEmpty() ? "unknown" : result) + ")"
                + (result.equals("watchdog") ? ": its scan loop hung and the watchdog killed it" : "");
    }
}
