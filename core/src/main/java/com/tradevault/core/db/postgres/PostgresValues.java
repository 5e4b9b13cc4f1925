package com.tradevault.core.db.postgres;

import com.tradevault.core.db.ValueBinding;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * How PostgreSQL's own types take the ledger's values: timestamps as
 * {@code timestamptz} bound in UTC at microsecond precision, JSON as {@code jsonb}.
 */
final class PostgresValues implements ValueBinding {

    @Override
    public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setObject(index, value == null ? null
                : OffsetDateTime.ofInstant(value.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    @Override
    public Instant getInstant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime t = rows.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    @Override
    public String jsonPlaceholder() {
        return "CAST(? AS jsonb)";
    }
}
