package com.tradevault.app.ledger.jdbc;

import com.tradevault.app.ledger.LedgerFailure;
import com.tradevault.core.db.ValueBinding;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs parameterised SQL on one connection, binding values the same way on
 * both backends (timestamps and JSON through the dialect's {@link ValueBinding}), and turns
 * {@link SQLException}s into {@link LedgerFailure}s that name the statement.
 */
final class Statements {

    /** Maps one result row. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** A timestamp parameter, bound through the dialect. */
    record At(Instant value) {
    }

    /** A nullable BIGINT parameter. */
    record OptionalLong(Optional<Long> value) {
    }

    private final Connection connection;
    private final ValueBinding binding;

    Statements(Connection connection, ValueBinding binding) {
        this.connection = connection;
        this.binding = binding;
    }

    ValueBinding binding() {
        return binding;
    }

    int update(String sql, Object... params) {
        try (PreparedStatement s = prepare(sql, params)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Runs one statement for each parameter list, as one JDBC batch. */
    void batch(String sql, List<Object[]> paramLists) {
        if (paramLists.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (Object[] params : paramLists) {
                for (int i = 0; i < params.length; i++) {
                    bind(s, i + 1, params[i]);
                }
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Runs an {@code INSERT ... RETURNING id} and returns the id. */
    long insert(String sql, Object... params) {
        return one(sql + " RETURNING id", r -> r.getLong(1), params)
                .orElseThrow(() -> new LedgerFailure("no id returned by: " + sql, null));
    }

    <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement s = prepare(sql, params); ResultSet r = s.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(mapper.map(r));
            }
            return rows;
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    Instant instant(ResultSet row, String column) throws SQLException {
        return binding.getInstant(row, column);
    }

    static Optional<Long> optionalLong(ResultSet row, String column) throws SQLException {
        long v = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(v);
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement s = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                bind(s, i + 1, params[i]);
            }
            return s;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void bind(PreparedStatement s, int index, Object value) throws SQLException {
        if (value instanceof At at) {
            binding.setInstant(s, index, at.value());
        } else if (value instanceof OptionalLong ol) {
            if (ol.value().isPresent()) {
                s.setLong(index, ol.value().get());
            } else {
                s.setNull(index, Types.BIGINT);
            }
        } else if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else if (value instanceof Long l) {
            s.setLong(index, l);
        } else if (value instanceof Integer n) {
            s.setInt(index, n);
        } else {
            s.setString(index, value.toString());
        }
    }

    private static LedgerFailure failed(String sql, SQLException e) {
        String statement = sql.length() > 60 ? sql.substring(0, 60) + "..." : sql;
        return new LedgerFailure(e.getMessage() + " (in: " + statement + ")", e);
    }
}
