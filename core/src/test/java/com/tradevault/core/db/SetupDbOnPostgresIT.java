package com.tradevault.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.config.DbSettings;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.PostgresServer;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupDbOnPostgresIT {

    @TempDir
    Path dir;

    @Test
    void setupDbTwiceOnPostgresMigratesOnceThenChangesNothing() throws Exception {
        String url = PostgresServer.shared().newDatabase();
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_URL", url);
        DbSettings settings = TestLedgers.settings(env);
        OpeningDatabases opening = new OpeningDatabases(settings, new KeyResolver(env));

        SettingUpDatabase.Report first = new SettingUpDatabase(opening, Clock.systemUTC()).run();
        SettingUpDatabase.Report second = new SettingUpDatabase(opening, Clock.systemUTC()).run();

        assertEquals(0, first.from());
        assertEquals(TestLedgers.latestSchemaVersion(), first.to());
        assertTrue(first.generatedKey().isEmpty(), "no key is generated for PostgreSQL");
        assertFalse(second.changed());
        try (Database db = opening.openExisting(); Connection c = db.connect()) {
            assertEquals(Map.ofEntries(Map.entry("alert_outbox", 0L), Map.entry("audit_log", 0L), Map.entry("decision_packs", 0L), Map.entry("dust", 0L), Map.entry("equity_snapshots", 0L),
                    Map.entry("fills", 0L), Map.entry("flyway_schema_history", (long) TestLedgers.schemaVersions().size()),
                    Map.entry("kv", 0L), Map.entry("orders", 0L), Map.entry("positions", 0L),
                    Map.entry("state_snapshots", 0L), Map.entry("trade_decisions", 0L)), RowCounts.of(c));
        }
    }
}
