package com.tradevault.app.ledger.jdbc;

import com.tradevault.app.ledger.Ledger;
import com.tradevault.core.db.Database;

/** Builds the JDBC ledger over an open database (SQLite/SQLCipher or PostgreSQL, through its dialect). */
public final class JdbcLedgers {

    private JdbcLedgers() {
    }

    public static Ledger on(Database database) {
        return new JdbcLedger(database);
    }
}
