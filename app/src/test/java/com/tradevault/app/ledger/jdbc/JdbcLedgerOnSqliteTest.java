package com.tradevault.app.ledger.jdbc;

import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Path;
import java.util.Map;

class JdbcLedgerOnSqliteTest extends JdbcLedgerContract {

    @Override
    Map<String, String> env(Path dir) {
        return TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
    }

    @Override
    boolean encrypted() {
        return true;
    }
}
