package com.tradevault.setup.db;

import com.tradevault.setup.config.DbSettings;
import com.tradevault.setup.db.postgres.PostgresDialect;
import com.tradevault.setup.db.sqlite.SqliteDialect;
import com.tradevault.setup.db.sqlite.SqliteFile;
import com.tradevault.setup.key.ResolvedKey;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything that differs between SQLite and PostgreSQL, and nothing else.
 * One instance describes one database (a SQLite file or a PostgreSQL URL).
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

    /**
     * The transaction control of a new writer connection of a {@link Database}:
     * {@code BEGIN IMMEDIATE} / {@code COMMIT} statements prepared once on
     * SQLite, JDBC's auto-commit switch on PostgreSQL.
     */
    WriteTransactions writeTransactions(Connection writer) throws SQLException;

    /** Takes the single-writer lock, or fails with {@link DatabaseLocked} naming the holder. */
    InstanceLock lockForWriting(Database database);

    /**
     * Sets a consistent copy of the open database aside, next to it, named
     * with the UTC time and {@code label}, encrypted under the same key; or
     * returns empty where the backend cannot (PostgreSQL: use pg_dump).
     */
    Optional<Path> snapshot(Database database, String label, Instant now);

    /** Size on disk in bytes, including a SQLite WAL. */
    long sizeBytes(Database database) throws SQLException;

    /** The SQLite file, for file-level operations; empty on PostgreSQL. */
    Optional<Path> file();

    /** Binds a timestamp exactly (microsecond precision, UTC). */
    void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException;

    /** Reads a timestamp written by {@link #setInstant}. */
    Instant getInstant(ResultSet rows, String column) throws SQLException;

    /** The placeholder for a JSON parameter: validated text on SQLite, {@code jsonb} on PostgreSQL. */
    String jsonPlaceholder();

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
     * The backend's own page-level consistency check ({@code integrity_check}
     * or {@code quick_check} on SQLite); problems found, or left to the server
     * that checks its own pages (PostgreSQL).
     */
    BackendCheck<List<String>> storageProblems(Connection connection, boolean quick) throws SQLException;

    /**
     * A quick check of only the pages that hold {@code tables} and their
     * indexes (what a command is about to read); problems found, none where
     * the server checks its own pages (PostgreSQL).
     */
    default List<String> quickCheck(Connection connection, List<String> tables) throws SQLException {
        return List.of();
    }

    /** Rows that break a foreign key; left to the server where it enforces them on every write (PostgreSQL). */
    BackendCheck<List<String>> foreignKeyProblems(Connection connection) throws SQLException;

    /**
     * Reads every table and index page, so that an encrypted file
     * authenticates each one; returns the pages read, or left to the server
     * where this does not apply (PostgreSQL).
     */
    BackendCheck<Long> readEveryPage(Connection connection) throws SQLException;

    /**
     * Compacts the database: in place ({@code VACUUM}), or into a new file
     * when {@code into} is given (SQLite only; encrypted like the source).
     */
    void compact(Connection connection, Optional<Path> into) throws IOException, SQLException;

    /** Free bytes compacting a database of {@code size} bytes needs where it writes; 0 where it is not a file. */
    long spaceToCompact(long size, boolean into);
    /**
     * Whether {@code failure} means the connection to the server is gone
     * (server restarting, network down, pool timed out waiting for one), so
     * the same work may succeed on a new connection; never true for a problem
     * with the work itself.
     */
    boolean connectionLost(java.sql.SQLException failure);

    /**
     * A writer of many rows into {@code table} on {@code connection}, inside
     * the caller's transaction, {@code batchSize} rows at a time.
     */
    RowWriter rowWriter(Connection connection, LedgerTables.Table table, int batchSize) throws SQLException;

    /**
     * A reader of the rows of {@code table} that match {@code where} (SQL;
     * empty for all) on {@code connection}, through the backend's bulk path:
     * binary {@code COPY} on PostgreSQL, a {@code json_array} per row on
     * SQLite ({@code SqliteArrayReader}); empty for a backend without one.
     * A value it cannot take as it is stops it with {@link UnexpectedValue}.
     */
    Optional<RowSource> bulkReader(Connection connection, LedgerTables.Table table, String where) throws SQLException;

    /**
     * Starts a bulk load into the empty {@code tables} inside the caller's
     * transaction on {@code connection}: PostgreSQL sets keys, indexes and
     * foreign keys aside until {@link BulkLoad#finish()} builds them again;
     * SQLite has nothing to set aside.
     */
    BulkLoad startBulkLoad(Connection connection, List<LedgerTables.Table> tables) throws SQLException;

    /** Moves the table's id generator past its largest id, so that the next generated id is new. */
    void advanceIdentity(Connection connection, LedgerTables.Table table) throws SQLException;

    /**
     * What the backend's own checks find wrong with the stored data (damaged
     * pages or indexes, rows referring to missing rows), one line per problem
     * naming the table and the row; empty when clean or when the server
     * enforces these itself. {@code thorough} also cross-checks every index
     * against its table (slower); without it, page structure, NOT NULL and
     * CHECK constraints and references are still checked.
     */
    List<String> integrityProblems(Connection connection, boolean thorough) throws SQLException;

    /**
     * Prepares {@code connection} for a long read that streams its rows
     * without holding up writers: a read-only transaction on PostgreSQL
     * (which streams only inside one); nothing on SQLite, whose statements
     * read a consistent snapshot in WAL mode and must not take the write
     * lock that {@code BEGIN IMMEDIATE} would.
     */
    void startReading(Connection connection) throws SQLException;

    /**
     * Makes {@code connection} refuse every write for as long as it is open:
     * {@code PRAGMA query_only} on SQLite, a read-only session on PostgreSQL.
     */
    void makeReadOnly(Connection connection) throws SQLException;

    /**
     * Every table of the database as its own catalog describes it, in the
     * order they were created (the order of the migrations): columns with their declared types and the {@link LedgerTables.Kind}
     * derived from them, keys, references. The backend's internal tables are
     * left out; views are not tables.
     */
    List<CatalogTable> catalog(Connection connection) throws SQLException;
}
