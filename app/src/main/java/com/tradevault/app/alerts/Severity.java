package com.tradevault.app.alerts;

/** How urgently an alert needs the owner. */
public enum Severity {
    /** Money is at risk or the bot cannot run: act now. */
    CRITICAL,
    /** Something degrades and will need a human if it lasts. */
    WARNING,
    /** For information: a recovery, a daily summary, a test. */
    INFO
}
