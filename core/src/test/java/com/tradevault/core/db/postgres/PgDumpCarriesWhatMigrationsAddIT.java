package com.tradevault.core.db.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.Dialect;
import com.tradevault.core.db.SchemaMigrations;
import com.tradevault.core.db.Snapshot;
import com.tradevault.core.testing.PostgresServer;
import com.tradevault.core.testing.TestLedgers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL backup path dumps the whole database and counts every
 * table the catalog has: a table and a column that a migration adds (the
 * test-only ones of db/copy-test-migration) are in the dump and its row
 * counts with no list to update.
 */
class PgDumpCarriesWhatMigrationsAddIT {

    @TempDir
    Path dir;

    @Test
    void theDumpAndItsRowCountsHoldATableAndAColumnAMigrationAdds() throws Exception {
        String url = PostgresServer.shared().newDatabase();
        DbSettings settings = TestLedgers.settings(TestLedgers.env(dir)).withUrl(url);
        Path dump = dir.resolve("tradevault.pgdump");
        try (Database db = Dialect.forUrl(url).open(settings, Optional.empty(), false)) {
            new SchemaMigrations(db, List.of("classpath:db/copy-test-migration/postgresql")).migrate();
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO orders (id, client_order_id, symbol, side, type, purpose, quantity_e8, status,"
                        + " created_at, updated_at, test_note) VALUES (1, 'tv-1', 'BTCUSDT', 'BUY', 'MARKET', 'ENTRY', 1,"
                        + " 'NEW', now(), now(), 'kept in the dump')");
                s.execute("INSERT INTO test_order_tags (order_id, tag, detail, tagged_at) VALUES (1, 't', '{}', now())");
            }

            Snapshot snapshot = db.dialect().maintenance().writeSnapshot(db, settings, Optional.empty(), dump);

            assertEquals(1L, snapshot.rowCounts().get("test_order_tags"));
        }
        Process restore = new ProcessBuilder(PgDump.tool("pg_restore"), "--file=-", dump.toString())
                .redirectErrorStream(true).start();
        String script = new String(restore.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, restore.waitFor(), script);
        assertTrue(script.contains("CREATE TABLE public.test_order_tags ("), script);
        assertTrue(script.matches("(?s).*COPY public\\.orders \\([^)]*test_note[^)]*\\) FROM stdin;\n1\t[^\n]*kept in the"
                + " dump.*"), script);
    }
}
