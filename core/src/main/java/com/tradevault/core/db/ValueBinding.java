package com.tradevault.core.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * How values the two backends store differently are bound and read: timestamps and JSON. The ledger's
 * statements use it.
 * One of the roles a {@link Dialect} hands out ({@link Dialect#values()}).
 */
public interface ValueBinding {

    /** Binds a timestamp exactly (microsecond precision, UTC). */
    void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException;

    /** Reads a timestamp written by {@link #setInstant}. */
    Instant getInstant(ResultSet rows, String column) throws SQLException;

    /** The placeholder for a JSON parameter: validated text on SQLite, {@code jsonb} on PostgreSQL. */
    String jsonPlaceholder();
}
