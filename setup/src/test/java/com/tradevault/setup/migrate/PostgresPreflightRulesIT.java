package com.tradevault.setup.migrate;

import com.tradevault.setup.testing.PostgresServer;
import com.tradevault.setup.db.Database;
import com.tradevault.setup.db.Dialect;
import com.tradevault.setup.testing.TestLedgers;
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
