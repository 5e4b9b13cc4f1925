package com.tradevault.core.db.postgres;

import com.tradevault.core.Outcome;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.BulkLoad;
import com.tradevault.core.db.BackendCheck;
import com.tradevault.core.db.CatalogTable;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.DatabaseLocked;
import com.tradevault.core.db.DatabaseProblem;
import com.tradevault.core.db.Dialect;
import com.tradevault.core.db.InstanceLock;
import com.tradevault.core.db.LedgerTables;
import com.tradevault.core.db.RowSource;
import com.tradevault.core.db.RowWriter;
import com.tradevault.core.db.Snapshot;
import com.tradevault.core.db.SnapshotKind;
import com.tradevault.core.db.WriteTransactions;
import com.tradevault.core.key.ResolvedKey;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL through PgJDBC and a HikariCP pool. Credentials come from
 * {@code db.user}, {@code db.password-file}, {@code TRADEVAULT_DB_PASSWORD}
 * or {@code ~/.pgpass} (read by the driver), never from the printed URL.
 */
public final class PostgresDialect implements Dialect {

    static final String PASSWORD_ENV = "TRADEVAULT_DB_PASSWORD";
    /** A backup's snapshot of a PostgreSQL database: a pg_dump, loaded with pg_restore, never opened in place. */
    public static final SnapshotKind DUMP = file -> Optional.empty();
    private static final String URL_PREFIX = "jdbc:postgresql:";
    /** The advisory lock key that marks the one writing instance. */
    private static final long LOCK_KEY = 0x7472616465L;

    private final String url;

    public PostgresDialect(String url) {
        this.url = url;
    }

    /** Whether {@code url} is PgJDBC's ({@code jdbc:postgresql:…}). */
    public static boolean accepts(String url) {
        return url.startsWith(URL_PREFIX);
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public String location() {
        return DbSettings.redact(url);
    }

    @Override
    public String migrationLocation() {
        return "classpath:db/migration/postgresql";
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public boolean supportsEncryption() {
        return false;
    }

    @Override
    public Optional<Path> file() {
        return Optional.empty();
    }

    @Override
    public Database open(DbSettings settings, Optional<ResolvedKey> key, boolean create) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("tradevault");
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("ApplicationName", "tradevault pid " + ProcessHandle.current().pid());
        settings.user().ifPresent(config::setUsername);
        password(settings).ifPresent(config::setPassword);
        HikariDataSource pool = new HikariDataSource(config);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
        } catch (SQLException e) {
            pool.close();
            throw new DatabaseProblem(Outcome.FAILURE, "cannot connect to PostgreSQL at " + location() + ": "
                    + serverReason(e), "check that the server runs and the credentials (db.user, db.password-file,"
                    + " " + PASSWORD_ENV + " or ~/.pgpass)", e);
        }
        return new Database(this, pool, false, pool);
    }

    /**
     * What the server or driver said, rather than the pool's "request timed
     * out" that wraps it (a wrong password would otherwise read as a timeout).
     */
    private static String serverReason(SQLException e) {
        Throwable reason = e;
        while (reason.getCause() instanceof SQLException cause) {
            reason = cause;
        }
        return reason.getMessage();
    }

    static Optional<String> password(DbSettings settings) {
        if (settings.passwordFile().isPresent()) {
            Path file = settings.passwordFile().get();
            try {
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw new DatabaseProblem(Outcome.FAILURE, "cannot read db.password-file " + file,
                        "make sure it exists and the service user can read it");
            }
        }
        return Optional.ofNullable(System.getenv(PASSWORD_ENV)).filter(p -> !p.isEmpty());
    }

    @Override
    public WriteTransactions writeTransactions(Connection writer) {
        return new JdbcWriteTransactions(writer);
    }

    @Override
    public InstanceLock lockForWriting(Database database) {
        try {
            Connection c = database.connect();
            try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                s.setLong(1, LOCK_KEY);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (!r.getBoolean(1)) {
                        String holder = holder(c);
                        c.close();
                        throw new DatabaseLocked("ledger " + location() + " is in use by " + holder,
                                "stop it first (e.g. 'systemctl stop tradevault'), or wait for it to finish");
                    }
                }
            }
            return () -> unlockAndClose(c);
        } catch (SQLException e) {
            throw DatabaseProblem.failed("taking the instance lock", location(), e);
        }
    }

    /**
     * Unlocks explicitly: closing alone returns the connection to the pool (the session, and so
     * the lock, live on), and even a closed session lets go of its locks only when its server
     * process has exited, after the next instance may already have asked.
     */
    private static void unlockAndClose(Connection c) {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setLong(1, LOCK_KEY);
            s.execute();
        } catch (SQLException ignored) {
            // a lost session has released the lock already
        }
        closeQuietly(c);
    }

    private static String holder(Connection c) throws SQLException {
        String sql = "SELECT a.application_name, a.client_addr FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND ((l.classid::bigint << 32) | l.objid::bigint) = ?"
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, LOCK_KEY);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? "another tradevault process (" + r.getString(1) + ", from "
                        + Optional.ofNullable(r.getString(2)).orElse("local socket") + ")" : "another process";
            }
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the server drops the advisory lock with the session anyway
        }
    }

    @Override
    public Optional<Path> snapshot(Database database, String label, Instant now) {
        return Optional.empty();
    }

    @Override
    public String snapshotFileName() {
        return "tradevault.pgdump";
    }

    @Override
    public Snapshot writeSnapshot(Database database, DbSettings settings, Optional<ResolvedKey> key, Path target)
            throws IOException, SQLException {
        return new Snapshot(new PgDump(url, settings).write(database, target), () -> { });
    }

    @Override
    public BackendCheck<List<String>> storageProblems(Connection connection, boolean quick) {
        return BackendCheck.leftToServer("PostgreSQL checks its own pages; run pg_amcheck for B-tree checks");
    }

    @Override
    public BackendCheck<List<String>> foreignKeyProblems(Connection connection) {
        return BackendCheck.leftToServer("PostgreSQL enforces foreign keys on every write");
    }

    @Override
    public BackendCheck<Long> readEveryPage(Connection connection) {
        return BackendCheck.leftToServer("not applicable to PostgreSQL (enable data checksums on the server)");
    }

    @Override
    public void compact(Connection connection, Optional<Path> into) throws SQLException {
        if (into.isPresent()) {
            throw new DatabaseProblem(Outcome.BAD_USAGE, "vacuum --into writes a SQLite file; the ledger is on PostgreSQL at "
                    + location(), "run 'tradevault vacuum' without --into, or take a copy with 'tradevault backup'");
        }
        try (Statement s = connection.createStatement()) {
            s.execute("VACUUM (ANALYZE)");
        }
    }

    @Override
    public long spaceToCompact(long size, boolean into) {
        return 0;
    }

    @Override
    public long sizeBytes(Database database) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pg_database_size(current_database())")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Override
    public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setObject(index, value == null ? null
                : OffsetDateTime.ofInstant(value.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    @Override
    public Instant getInstant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime t = rows.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    @Override
    public String jsonPlaceholder() {
        return "CAST(? AS jsonb)";
    }

    /** SQLSTATEs that mean the server went away: admin/crash shutdown, starting up. */
    private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");

    @Override
    public boolean connectionLost(SQLException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException e && e.getSQLState() != null
                    && (e.getSQLState().startsWith("08") || SERVER_GONE.contains(e.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public RowWriter rowWriter(Connection connection, LedgerTables.Table table, int batchSize) throws SQLException {
        return new PostgresCopyWriter(connection, table, batchSize);
    }

    @Override
    public Optional<RowSource> bulkReader(Connection connection, LedgerTables.Table table, String where)
            throws SQLException {
        return Optional.of(PostgresCopyReader.open(connection, table, where));
    }

    @Override
    public BulkLoad startBulkLoad(Connection connection, List<LedgerTables.Table> tables) throws SQLException {
        return DeferredSchema.setAside(connection, tables);
    }

    @Override
    public void advanceIdentity(Connection connection, LedgerTables.Table table) throws SQLException {
        if (!table.identity()) {
            return;
        }
        String sql = "SELECT setval(pg_get_serial_sequence(?, ?), COALESCE(max(" + table.key() + "), 1), max("
                + table.key() + ") IS NOT NULL) FROM " + table.name();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, table.name());
            s.setString(2, table.key());
            s.executeQuery().close();
        }
    }

    @Override
    public List<String> integrityProblems(Connection connection, boolean thorough) {
        return List.of();
    }

    @Override
    public List<CatalogTable> catalog(Connection connection) throws SQLException {
        return PostgresCatalog.read(connection);
    }

    @Override
    public void startReading(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
    }

    @Override
    public void makeReadOnly(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        }
    }
}
