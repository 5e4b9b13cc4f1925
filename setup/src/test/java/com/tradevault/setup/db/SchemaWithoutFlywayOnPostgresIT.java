package com.tradevault.setup.db;

import com.tradevault.setup.key.KeyResolver;
import com.tradevault.setup.testing.PostgresServer;
import com.tradevault.setup.testing.TestLedgers;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The start's fast path on a real PostgreSQL server. */
class SchemaWithoutFlywayOnPostgresIT extends SchemaWithoutFlywayContract {

    @TempDir
    Path dir;

    private OpeningDatabases opening(String url) {
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_URL", url);
        return new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env));
    }

    @Override
    Database setUpLedger() {
        OpeningDatabases opening = opening(PostgresServer.shared().newDatabase());
        new SettingUpDatabase(opening, Clock.systemUTC()).run();
        return opening.openExisting();
    }

    @Override
    Database emptyDatabase() {
        return opening(PostgresServer.shared().newDatabase()).openExisting();
    }
}
