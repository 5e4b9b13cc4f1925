package com.tradevault.app.alerts;

import java.util.Locale;

/**
 * One message for the owner: what happened and the next step.
 *
 * @param condition what it is about, the same for its raising and its recovery ({@code unprotected:BTCUSDT})
 * @param event     the kind of event ({@code position-unprotected}), for filters on the receiving side
 * @param state     whether the condition is raised, has recovered, or this is a one-off notice
 * @param severity  how urgent
 * @param title     one line
 * @param detail    what happened, with the names and numbers that matter
 * @param nextStep  what the owner should do
 */
public record Alert(String condition, String event, State state, Severity severity, String title, String detail,
                    String nextStep) {

    /** Whether a condition starts, ends, or the alert stands alone. */
    public enum State {
        RAISED, RECOVERED, NOTICE
    }

    /** A condition that needs a human. */
    public static Alert raised(String condition, String event, Severity severity, String title, String detail,
                               String nextStep) {
        return new Alert(condition, event, State.RAISED, severity, title, detail, nextStep);
    }

    /** The end of {@code condition}, announced once. */
    public static Alert recovered(String condition, String event, String title, String detail) {
        return new Alert(condition, event, State.RECOVERED, Severity.INFO, title, detail, "nothing to do");
    }

    /** A one-off message (a restart after a crash, a daily summary, a test). */
    public static Alert notice(String condition, String event, Severity severity, String title, String detail,
                               String nextStep) {
        return new Alert(condition, event, State.NOTICE, severity, title, detail, nextStep);
    }

    /** The message as plain text: severity and title, the detail, the next step. */
    public String text() {
        return "[" + severity.name() + "] " + title + "\n" + detail + "\nNext step: " + nextStep;
    }

    /** The severity as the messages spell it: critical, warning, info. */
    public String severityName() {
        return severity.name().toLowerCase(Locale.ROOT);
    }
}
