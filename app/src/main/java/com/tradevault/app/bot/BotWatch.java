package com.tradevault.app.bot;

/**
 * What the bot tells whoever watches it for the owner (the alerts): its
 * start and clean stop, each scan, and whether the exchange answers. Every
 * call comes from the scan loop's thread and must not throw.
 */
public interface BotWatch {

    /** Watching nothing. */
    BotWatch NONE = new BotWatch() {
    };

    /** The bot starts, before its startup reconciliation. */
    default void started() {
    }

    /** A scan of every symbol ended: time to look at the conditions. */
    default void scanned() {
    }

    /**
     * The exchange did not answer (unreachable, 5xx, 418/429 ban): {@code why}. Told by a failed scan
     * and by each failed attempt of the startup reconciliation (or of the venue rules' check before it).
     */
    default void exchangeFailed(String why) {
    }

    /** The exchange answered a scan. */
    default void exchangeAnswered() {
    }

    /** The bot stops cleanly (not a crash). */
    default void stopped() {
    }
}
