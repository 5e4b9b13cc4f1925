package com.tradevault.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The ledger's own rules, which its schema cannot enforce by itself. They are
 * trading's rules: the application that owns the ledger supplies them to
 * {@link CheckingIntegrity}, so that backups know nothing of trading.
 */
@FunctionalInterface
public interface LedgerRules {

    /** Every rule, in the order to report them, each with the rows that break it (none when it holds). */
    List<Finding> check(Connection c) throws SQLException;

    /** One rule and the rows that break it. */
    record Finding(String rule, List<String> violations) {
    }
}
