package com.tradevault.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.SchemaMigrations;
import com.tradevault.core.db.SettingUpDatabase;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db decrypt} (and so encrypt and rekey, which copy the same way)
 * copies the whole file and counts the rows of every table the catalog has:
 * a table and a column that a migration adds are carried and counted with
 * no list to update (the test-only migrations of db/copy-test-migration).
 */
class WholeFileCopiesTest {

    @TempDir
    Path dir;

    @Test
    void decryptCarriesAndCountsATableAndAColumnAMigrationAdds() throws Exception {
        Map<String, String> env = TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX);
        OpeningDatabases opening = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env));
        new SettingUpDatabase(opening, Clock.systemUTC()).run();
        try (Database db = opening.openExisting(); Connection c = db.connect(); Statement s = c.createStatement()) {
            new SchemaMigrations(db, List.of("classpath:db/copy-test-migration/sqlite")).migrate();
            s.execute("INSERT INTO orders (id, client_order_id, symbol, side, type, purpose, quantity_e8, status,"
                    + " created_at, updated_at, test_note) VALUES (1, 'tv-1', 'BTCUSDT', 'BUY', 'MARKET', 'ENTRY', 1,"
                    + " 'NEW', '2026-11-21T07:41:00.000000Z', '2026-11-21T07:41:00.000000Z', 'kept')");
            s.execute("INSERT INTO test_order_tags (order_id, tag, detail, tagged_at) VALUES (1, 't', '{}',"
                    + " '2026-11-21T07:41:00.000000Z')");
        }
        Path out = dir.resolve("plain.db");

        LedgerEncryption.Result result = new LedgerEncryption(opening, new KeyResolver(env)).decrypt(out);

        assertEquals(1L, result.rows().get("test_order_tags"));
        OpeningDatabases plain = new OpeningDatabases(TestLedgers.settings(env).withUrl("jdbc:sqlite:" + out)
                .withEncryption(false), new KeyResolver(env));
        try (Database db = plain.openExisting(); Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT o.test_note || ' ' || t.tag FROM orders o JOIN test_order_tags t"
                     + " ON t.order_id = o.id")) {
            r.next();
            assertEquals("kept t", r.getString(1));
        }
    }
}
