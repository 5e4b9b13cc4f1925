package com.tradevault.core.config;

import java.util.Objects;

/**
 * The ledger's JDBC URL ({@code db.url}). A PostgreSQL URL may carry a
 * password, in its user-info ({@code //user:secret@host}) or as a
 * {@code password=} parameter, so the URL is typed: {@link #toString()} hides
 * both, and only {@link #reveal()} (for the driver) gives the URL as written.
 */
public final class DatabaseUrl {

    private final String text;

    private DatabaseUrl(String text) {
        this.text = Objects.requireNonNull(text, "url");
    }

    /** The URL as written. */
    static DatabaseUrl of(String text) {
        return new DatabaseUrl(text);
    }

    /** The URL as written, passwords included: for the driver only, never for a message or a log. */
    public String reveal() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatabaseUrl other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The URL with any user-info password and {@code password=} parameter replaced by {@code ***}. */
    @Override
    public String toString() {
        return DbSettings.redact(text);
    }
}
