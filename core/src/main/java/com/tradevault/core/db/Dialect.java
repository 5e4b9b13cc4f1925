package com.tradevault.core.db;

import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.postgres.PostgresDialect;
import com.tradevault.core.db.sqlite.SqliteDialect;
import com.tradevault.core.db.sqlite.SqliteFile;
import com.tradevault.core.key.ResolvedKey;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Everything that differs between SQLite and PostgreSQL, and nothing else.
 * One instance describes one database (a SQLite file or a PostgreSQL URL):
 * here, what it is and how it is opened and locked; through the roles it hands
 * out, what its connections do ({@link #sessions}), how values are bound
 * ({@link #values}), its own checks ({@link #checks}), whole copies and
 * compaction ({@link #maintenance}) and the bulk copy of a migration
 * ({@link #bulkCopy}). Code that needs one role takes that role.
 * No other class asks which backend it talks to.
 */
public interface Dialect {

    /** The dialect for a JDBC URL: {@code jdbc:sqlite:…} or {@code jdbc:postgresql:…}. */
    static Dialect forUrl(String url) {
        Optional<SqliteFile> sqlite = SqliteFile.ofUrl(url);
        if (sqlite.isPresent()) {
            return new SqliteDialect(sqlite.get().path().toAbsolutePath().normalize());
        }
        if (PostgresDialect.accepts(url)) {
            return new PostgresDialect(url);
        }
        throw new IllegalArgumentException("unsupported database URL: " + DbSettings.redact(url));
    }

    /** Whether {@link #forUrl} takes {@code url}: a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL. */
    static boolean supports(String url) {
        return SqliteFile.ofUrl(url).isPresent() || PostgresDialect.accepts(url);
    }

    /** The dialect for {@code url} if it names a database on a server (PostgreSQL), not a file; else empty. */
    static Optional<Dialect> forServerUrl(String url) {
        return PostgresDialect.accepts(url) ? Optional.of(new PostgresDialect(url)) : Optional.empty();
    }

    /** {@code SQLite} or {@code PostgreSQL}. */
    String name();

    /** Where the database is, safe to print: a file path or a URL without password. */
    String location();

    /** The Flyway location of this dialect's migrations. */
    String migrationLocation();

    /** Whether the database already exists (a PostgreSQL database always must). */
    boolean exists();

    /** Whether keys apply to this backend at all. */
    boolean supportsEncryption();

    /**
     * Opens the database, checking that its encryption matches the settings
     * and the key; {@code create} allows a missing SQLite file to be created.
     */
    Database open(DbSettings settings, Optional<ResolvedKey> key, boolean create);

    /** Takes the single-writer lock, or fails with {@link DatabaseLocked} naming the holder. */
    InstanceLock lockForWriting(Database database);

    /** Size on disk in bytes, including a SQLite WAL. */
    long sizeBytes(Database database) throws SQLException;

    /** The SQLite file, for file-level operations; empty on PostgreSQL. */
    Optional<Path> file();

    /** What its connections do: write transactions, lost connections, long reads, read-only sessions. */
    Sessions sessions();

    /** How timestamps and JSON are bound and read. */
    ValueBinding values();

    /** The checks the backend makes of its own storage. */
    OwnChecks checks();

    /** Whole copies of the database and its compaction. */
    Maintenance maintenance();

    /** Catalogs and rows read and written in bulk, for a migration between backends. */
    BulkCopy bulkCopy();
}
