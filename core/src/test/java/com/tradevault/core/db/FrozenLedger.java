package com.tradevault.core.db;

import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;

/** An encrypted SQLite ledger that only the migrations up to one version shaped, as an older bundle left it. */
final class FrozenLedger {

    private FrozenLedger() {
    }

    /**
     * Creates the ledger in {@code dir} at schema {@code version}, runs {@code rows} (SQL of that
     * version) on it, and returns how to open it, for the migration under test to run next.
     */
    static OpeningDatabases at(Path dir, int version, List<String> rows) throws SQLException {
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        OpeningDatabases opening = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env));
        try (Database db = opening.openOrCreate().database()) {
            Flyway.configure(FrozenLedger.class.getClassLoader()).dataSource(db.dataSource())
                    .locations(db.dialect().migrationLocation()).target(Integer.toString(version)).load().migrate();
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                for (String row : rows) {
                    s.execute(row);
                }
            }
        }
        return opening;
    }
}
