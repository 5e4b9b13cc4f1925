package com.tradevault.core.db.postgres;

import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.BulkLoad;
import com.tradevault.core.db.BackendCheck;
import com.tradevault.core.db.CatalogTable;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.Dialect;
import com.tradevault.core.db.InstanceLock;
import com.tradevault.core.db.LedgerTables;
import com.tradevault.core.db.RowSource;
import com.tradevault.core.db.RowWriter;
import com.tradevault.core.db.Snapshot;
import com.tradevault.core.db.SnapshotKind;
import com.tradevault.core.db.WriteTransactions;
import com.tradevault.core.key.ResolvedKey;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL through PgJDBC and a HikariCP pool. Credentials come from
 * {@code db.user}, {@code db.password-file}, {@code TRADEVAULT_DB_PASSWORD}
 * or {@code ~/.pgpass} (read by the driver), never from the printed URL.
 */
public final class PostgresDialect implements Dialect {

    /** A backup's snapshot of a PostgreSQL database: a pg_dump, loaded with pg_restore, never opened in place. */
    public static final SnapshotKind DUMP = file -> Optional.empty();
    private static final String URL_PREFIX = "jdbc:postgresql:";
    /** SQLSTATEs that mean the server went away: admin/crash shutdown, starting up. */
    private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");
    private static final PostgresChecks CHECKS = new PostgresChecks();
    private static final PostgresValues VALUES = new PostgresValues();

    private final String url;
    private final PostgresOpening opening;
    private final PostgresMaintenance maintenance;

    public PostgresDialect(String url) {
        this.url = url;
        this.opening = new PostgresOpening(this, url);
        this.maintenance = new PostgresMaintenance(url);
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
        return opening.open(settings);
    }

    @Override
    public WriteTransactions writeTransactions(Connection writer) {
        return new JdbcWriteTransactions(writer);
    }

    @Override
    public InstanceLock lockForWriting(Database database) {
        return AdvisoryLock.take(database, location());
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

    @Override
    public BackendCheck<List<String>> storageProblems(Connection connection, boolean quick) {
        return CHECKS.storageProblems(connection, quick);
    }

    @Override
    public BackendCheck<List<String>> foreignKeyProblems(Connection connection) {
        return CHECKS.foreignKeyProblems(connection);
    }

    @Override
    public BackendCheck<Long> readEveryPage(Connection connection) {
        return CHECKS.readEveryPage(connection);
    }

    @Override
    public List<String> integrityProblems(Connection connection, boolean thorough) {
        return CHECKS.integrityProblems(connection, thorough);
    }

    @Override
    public Optional<Path> snapshot(Database database, String label, Instant now) {
        return maintenance.snapshot(database, label, now);
    }

    @Override
    public String snapshotFileName() {
        return maintenance.snapshotFileName();
    }

    @Override
    public Snapshot writeSnapshot(Database database, DbSettings settings, Optional<ResolvedKey> key, Path target)
            throws IOException, SQLException {
        return maintenance.writeSnapshot(database, settings, key, target);
    }

    @Override
    public void compact(Connection connection, Optional<Path> into) throws SQLException {
        maintenance.compact(connection, into);
    }

    @Override
    public long spaceToCompact(long size, boolean into) {
        return maintenance.spaceToCompact(size, into);
    }

    @Override
    public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        VALUES.setInstant(statement, index, value);
    }

    @Override
    public Instant getInstant(ResultSet rows, String column) throws SQLException {
        return VALUES.getInstant(rows, column);
    }

    @Override
    public String jsonPlaceholder() {
        return VALUES.jsonPlaceholder();
    }
}
