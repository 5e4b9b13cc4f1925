package com.tradevault.core.db;

import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The start's fast path on an encrypted SQLite ledger. */
class SchemaWithoutFlywayTest extends SchemaWithoutFlywayContract {

    @TempDir
    Path dir;

    private OpeningDatabases opening() {
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        return new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env));
    }

    @Override
    Database setUpLedger() {
        new SettingUpDatabase(opening(), Clock.systemUTC()).run();
        return opening().openExisting();
    }

    @Override
    Database emptyDatabase() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        return opening().openOrCreate().database();
    }
}
