package com.tradevault.core.db;

import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.PostgresServer;
import com.tradevault.core.testing.TestLedgers;
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
