package com.tradevault.core.db;

import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.PostgresServer;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

class PostgresLedgerSchemaIT extends LedgerSchemaContract {

    @TempDir
    Path dir;

    @Override
    Database ledger() {
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_URL", PostgresServer.shared().newDatabase());
        OpeningDatabases opening = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env));
        new SettingUpDatabase(opening, Clock.systemUTC()).run();
        return opening.openExisting();
    }
}
