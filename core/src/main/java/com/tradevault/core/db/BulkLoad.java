package com.tradevault.core.db;

import java.sql.SQLException;

/**
 * A bulk load into empty tables under way in one transaction: what would
 * slow it down row by row (indexes, keys, references) is set aside until
 * {@link #finish()} builds it again, in the same transaction.
 */
@FunctionalInterface
public interface BulkLoad {

    /** Builds again what was set aside; fails, rolling nothing forward, if the loaded rows break a constraint. */
    void finish() throws SQLException;
}
