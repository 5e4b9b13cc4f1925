package com.tradevault.setup.db;

import com.tradevault.setup.testing.TestLedgers;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteLedgerSchemaTest extends LedgerSchemaContract {

    @TempDir
    Path dir;

    @Override
    Database ledger() {
        return TestLedgers.newEncryptedLedger(dir);
    }
}
