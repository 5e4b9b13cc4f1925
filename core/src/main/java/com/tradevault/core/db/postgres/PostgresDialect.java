package com.tradevault.core.db.postgres;

import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.BulkCopy;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.Dialect;
import com.tradevault.core.db.InstanceLock;
import com.tradevault.core.db.Maintenance;
import com.tradevault.core.db.OwnChecks;
import com.tradevault.core.db.Sessions;
import com.tradevault.core.db.SnapshotKind;
import com.tradevault.core.db.ValueBinding;
import com.tradevault.core.key.ResolvedKey;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * PostgreSQL through PgJDBC and a HikariCP pool. Credentials come from
 * {@code db.user}, {@code db.password-file}, {@code TRADEVAULT_DB_PASSWORD}
 * or {@code ~/.pgpass} (read by the driver), never from the printed URL.
 */
public final class PostgresDialect implements Dialect {

    /** A backup's snapshot of a PostgreSQL database: a pg_dump, loaded with pg_restore, never opened in place. */
    public static final SnapshotKind DUMP = file -> Optional.empty();
    private static final String URL_PREFIX = "jdbc:postgresql:";
    private static final PostgresSessions SESSIONS = new PostgresSessions();
    private static final PostgresValues VALUES = new PostgresValues();
    private static final PostgresChecks CHECKS = new PostgresChecks();
    private static final PostgresBulkCopy BULK_COPY = new PostgresBulkCopy();

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
    public Sessions sessions() {
        return SESSIONS;
    }

    @Override
    public ValueBinding values() {
        return VALUES;
    }

    @Override
    public OwnChecks checks() {
        return CHECKS;
    }

    @Override
    public Maintenance maintenance() {
        return maintenance;
    }

    @Override
    public BulkCopy bulkCopy() {
        return BULK_COPY;
    }
}
