package com.tradevault.app.ledger.jdbc;

import com.tradevault.core.testing.PostgresServer;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Path;
import java.util.Map;

class JdbcLedgerOnPostgresIT extends JdbcLedgerContract {

    @Override
    Map<String, String> env(Path dir) {
        return TestLedgers.env(dir, "TRADEVAULT_DB_URL", PostgresServer.shared().newDatabase());
    }

    @Override
    boolean encrypted() {
        return false;
    }
}
