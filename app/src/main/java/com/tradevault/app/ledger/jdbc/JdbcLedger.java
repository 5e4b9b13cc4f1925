package com.tradevault.app.ledger.jdbc;

import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.LedgerFailure;
import com.tradevault.core.db.Database;
import java.sql.Connection;
import java.sql.SQLException;

/** The ledger on a {@link Database}: writes through its single writer transaction, reads on own connections. */
final class JdbcLedger implements Ledger {

    private final Database database;

    JdbcLedger(Database database) {
        this.database = database;
    }

    @Override
    public <T> T transaction(LedgerWork<T> work) {
        try {
            return database.transaction(c -> work.run(new JdbcSession(c, database.dialect().values())));
        } catch (SQLException e) {
            throw new LedgerFailure("a ledger transaction failed on " + database.dialect().location()
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T read(LedgerWork<T> work) {
        try (Connection c = database.connect()) {
            return work.run(new JdbcSession(c, database.dialect().values()));
        } catch (SQLException e) {
            throw new LedgerFailure("reading the ledger at " + database.dialect().location() + " failed: "
                    + e.getMessage(), e);
        }
    }
}
