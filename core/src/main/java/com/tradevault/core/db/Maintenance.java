package com.tradevault.core.db;

import com.tradevault.core.config.DbSettings;
import com.tradevault.core.key.ResolvedKey;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Copies of the whole database and its compaction: the snapshot before a migration, the backup's
 * consistent copy, {@code vacuum}.
 * One of the roles a {@link Dialect} hands out ({@link Dialect#maintenance()}).
 */
public interface Maintenance {

    /**
     * Sets a consistent copy of the open database aside, next to it, named
     * with the UTC time and {@code label}, encrypted under the same key; or
     * returns empty where the backend cannot (PostgreSQL: use pg_dump).
     */
    Optional<Path> snapshot(Database database, String label, Instant now);

    /** The name of a backup's snapshot file: {@code tradevault.db} (SQLite) or {@code tradevault.pgdump}. */
    String snapshotFileName();

    /**
     * Writes a consistent copy of the open database to {@code target} (which
     * must not exist) without stopping writers, and returns its row counts and
     * its full check. SQLite: the file and its write-ahead log copied as bytes
     * under a read transaction ({@code WalFileCopy}; an encrypted ledger stays
     * encrypted under its key, so no plaintext page reaches the disk), recovered
     * into one file; the check is {@code integrity_check} on the copy.
     * PostgreSQL: {@code pg_dump} in custom format from an exported snapshot,
     * checked with {@code pg_restore --list} before this returns.
     */
    Snapshot writeSnapshot(Database database, DbSettings settings, Optional<ResolvedKey> key, Path target)
            throws IOException, SQLException;

    /**
     * Compacts the database: in place ({@code VACUUM}), or into a new file
     * when {@code into} is given (SQLite only; encrypted like the source).
     */
    void compact(Connection connection, Optional<Path> into) throws IOException, SQLException;

    /** Free bytes compacting a database of {@code size} bytes needs where it writes; 0 where it is not a file. */
    long spaceToCompact(long size, boolean into);
}
