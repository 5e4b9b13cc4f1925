package com.tradevault.setup.db;

import com.tradevault.setup.key.KeyResolver;
import com.tradevault.setup.testing.TestLedgers;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

class SqliteLedgerSchemaTest extends LedgerSchemaContract {

    @TempDir
    Path dir;

    @Override
    Database ledger() {
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        OpeningDatabases opening = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env));
        new SettingUpDatabase(opening, Clock.systemUTC()).run();
        return opening.openExisting();
    }
}
