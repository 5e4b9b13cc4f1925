package com.tradevault.core.db;

import java.sql.SQLException;

/**
 * A value that a bulk read ({@link RowSource}) cannot take as it is: not of
 * its column's kind, or not in a form the other backend would store. The
 * bulk read stops; a caller that must say which row is wrong reads the rows
 * again through a {@code ResultSet}.
 */
public final class UnexpectedValue extends SQLException {

    private static final long serialVersionUID = 1L;

    public UnexpectedValue(String message) {
        super(message);
    }

    public UnexpectedValue(String message, Throwable cause) {
        super(message, cause);
    }
}
