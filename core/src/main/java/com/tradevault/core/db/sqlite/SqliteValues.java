package com.tradevault.core.db.sqlite;

import com.tradevault.core.db.ValueBinding;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How SQLite stores what it has no type for: timestamps as fixed-width UTC
 * text with six fraction digits, JSON as text that {@code json_valid} checks.
 */
final class SqliteValues implements ValueBinding {

    private static final DateTimeFormatter INSTANT_TEXT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);


    @Override
    public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setString(index, value == null ? null : INSTANT_TEXT.format(value.truncatedTo(ChronoUnit.MICROS)));
    }

    @Override
    public Instant getInstant(ResultSet rows, String column) throws SQLException {
        String text = rows.getString(column);
        return text == null ? null : parseInstant(text);
    }

    /** The fixed-width form this dialect writes, parsed without a formatter (hot in migrations). */
    static Instant parseInstant(String text) {
        if (text.length() != 27 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.'
                || text.charAt(26) != 'Z') {
            return Instant.parse(text);
        }
        try {
            java.time.LocalDateTime t = java.time.LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7),
                    digits(text, 8, 10), digits(text, 11, 13), digits(text, 14, 16), digits(text, 17, 19),
                    digits(text, 20, 26) * 1000);
            return t.toInstant(ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            throw e;
        } catch (java.time.DateTimeException e) {
            // the same exception Instant.parse throws for an impossible date such as month 13
            throw new java.time.format.DateTimeParseException(e.getMessage(), text, 0, e);
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new java.time.format.DateTimeParseException("not a digit at " + i, text, i);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    @Override
    public String jsonPlaceholder() {
        return "?";
    }
}
