package com.tradevault.core.db;

import com.tradevault.core.testing.TestLedgers;
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
