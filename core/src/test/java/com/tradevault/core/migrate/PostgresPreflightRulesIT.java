package com.tradevault.core.migrate;

import com.tradevault.core.testing.PostgresServer;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.Dialect;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

class PostgresPreflightRulesIT extends PreflightRulesContract {

    @TempDir
    Path dir;

    @Override
    Database emptyDatabase() {
        String url = PostgresServer.shared().newDatabase();
        return Dialect.forUrl(url).open(TestLedgers.settings(TestLedgers.env(dir)).withUrl(url), Optional.empty(),
                false);
    }
}
