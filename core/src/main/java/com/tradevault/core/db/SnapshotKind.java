package com.tradevault.core.db;

import com.tradevault.core.db.postgres.PostgresDialect;
import com.tradevault.core.db.sqlite.SqliteDialect;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a backup's snapshot is, as the backend that writes such snapshots
 * says: a database file that opens where it lies and can take a ledger's
 * place, or a dump that only the backend's own tool loads (a snapshot of a
 * server database).
 */
@FunctionalInterface
public interface SnapshotKind {

    /** The kind of the snapshot a backup stores as {@code snapshotName} ({@link Maintenance#snapshotFileName()}). */
    static SnapshotKind named(String snapshotName) {
        return SqliteDialect.snapshotNamed(snapshotName).orElse(PostgresDialect.DUMP);
    }

    /**
     * The dialect that opens the snapshot written out to {@code file} as a
     * database, to check it and to put it in a ledger's place; empty for a
     * dump, which is checked against its manifest and handed to the backend's
     * own restore tool.
     */
    Optional<Dialect> database(Path file);
}
