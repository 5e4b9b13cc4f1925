package com.tradevault.core.db.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tradevault.core.db.CatalogTable;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.Dialect;
import com.tradevault.core.db.LedgerTables;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What SQLite's catalog says a table holds, read through quotes, comments and ALTER TABLE. */
class SqliteCatalogTest {

    @TempDir
    Path dir;

    @Test
    void kindsComeFromTheDeclaredTypeAndTheCheckThatSaysWhatTheTextIs() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("catalog.db");
        try (Database db = Dialect.forUrl(url).open(TestLedgers.settings(TestLedgers.env(dir)).withUrl(url)
                .withEncryption(false), Optional.empty(), true); Connection c = db.connect();
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"odd (name\" (\"the id\" INTEGER PRIMARY KEY, \"a doc\" TEXT CHECK (json_valid(\"a doc\")),"
                    + " -- a comment, with a comma\n"
                    + " label TEXT DEFAULT 'a, b) c' NOT NULL, /* json_valid(label) */ doc TEXT CHECK (JSON_VALID(\"doc\")),"
                    + " amount REAL, CONSTRAINT two CHECK (label <> doc OR amount > 0))");
            s.execute("ALTER TABLE \"odd (name\" ADD COLUMN seen_at TEXT CHECK (seen_at " + SqliteCatalog.TIMESTAMP_GLOB
                    + ")");

            CatalogTable table = db.dialect().bulkCopy().catalog(c).get(0);

            assertEquals("odd (name", table.name());
            assertEquals(Optional.of("the id"), table.key());
            assertEquals(List.of("the id INTEGER " + Optional.of(LedgerTables.Kind.INTEGER),
                    "a doc TEXT " + Optional.of(LedgerTables.Kind.JSON),
                    "label TEXT " + Optional.of(LedgerTables.Kind.TEXT), "doc TEXT " + Optional.of(LedgerTables.Kind.JSON),
                    "amount REAL " + Optional.empty(), "seen_at TEXT " + Optional.of(LedgerTables.Kind.INSTANT)),
                    table.columns().stream().map(col -> col.name() + " " + col.type() + " " + col.kind()).toList());
            assertEquals(Set.of("label", "doc", "amount"), table.checkedTogether());
        }
    }
}
