package com.tradevault.core.migrate;

import com.tradevault.core.db.Database;
import com.tradevault.core.db.Dialect;
import com.tradevault.core.testing.TestLedgers;
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
