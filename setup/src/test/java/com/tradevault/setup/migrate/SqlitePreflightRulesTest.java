package com.tradevault.setup.migrate;

import com.tradevault.setup.db.Database;
import com.tradevault.setup.db.Dialect;
import com.tradevault.setup.testing.TestLedgers;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

class SqlitePreflightRulesTest extends PreflightRulesContract {

    @TempDir
    Path dir;

    @Override
    Database emptyDatabase() {
        String url = "jdbc:sqlite:" + dir.resolve("rules.db");
        return Dialect.forUrl(url).open(TestLedgers.settings(TestLedgers.env(dir)).withUrl(url).withEncryption(false),
                Optional.empty(), true);
    }
}
