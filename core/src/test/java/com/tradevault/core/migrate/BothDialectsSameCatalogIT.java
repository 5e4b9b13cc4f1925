package com.tradevault.core.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tradevault.core.db.CatalogTable;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.Dialect;
import com.tradevault.core.testing.PostgresServer;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same migration history for both dialects, as the catalogs see it: at
 * every version the SQLite and the PostgreSQL schema have the same tables,
 * columns, kinds, NOT NULLs and keys, so that a migration written for one
 * dialect only fails the build rather than the customer's migration.
 */
class BothDialectsSameCatalogIT {

    @TempDir
    Path dir;

    @Test
    void everyMigrationVersionMakesTheSameTablesAndColumnsOnBothDialects() throws Exception {
        String sqliteUrl = "jdbc:sqlite:" + dir.resolve("same.db");
        String pgUrl = PostgresServer.shared().newDatabase();
        try (Database sqlite = open(sqliteUrl); Database pg = open(pgUrl)) {
            for (int version : TestLedgers.schemaVersions()) {
                PreflightRulesContract.migrateTo(sqlite, version);
                PreflightRulesContract.migrateTo(pg, version);
                List<CatalogTable> mine = PreflightRulesContract.catalog(sqlite);
                List<CatalogTable> theirs = PreflightRulesContract.catalog(pg);

                assertEquals(List.of(), CopyPlan.from(mine).against(theirs).problems(), "v" + version);
                assertEquals(shape(mine), shape(theirs), "v" + version + ": NOT NULLs and keys");
            }
        }
    }

    /** Each table's key and each column's name, kind and nullability, as one line per table. */
    private static List<String> shape(List<CatalogTable> catalog) {
        return CopyPlan.copied(catalog).stream().map(t -> t.name() + " key " + t.key() + " generated " + t.integerKey()
                + " " + t.columns().stream().map(c -> c.name() + " " + c.kind().orElseThrow() + (c.nullable() ? " NULL"
                : " NOT NULL")).toList()).sorted().toList();
    }

    private Database open(String url) {
        return Dialect.forUrl(url).open(TestLedgers.settings(TestLedgers.env(dir)).withUrl(url).withEncryption(false),
                Optional.empty(), true);
    }
}
