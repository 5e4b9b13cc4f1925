package com.tradevault.setup.db;

import com.tradevault.setup.testing.TestLedgers;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

class SqliteLedgerRulesTest extends LedgerRulesContract {

    @TempDir
    Path dir;

    @Override
    Database emptyDatabase() {
        String url = "jdbc:sqlite:" + dir.resolve("rules.db");
        return Dialect.forUrl(url).open(TestLedgers.settings(TestLedgers.env(dir)).withUrl(url).withEncryption(false),
                Optional.empty(), true);
    }
}
