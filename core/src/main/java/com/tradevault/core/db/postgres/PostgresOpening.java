package com.tradevault.core.db.postgres;

import com.tradevault.core.Outcome;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.DatabaseProblem;
import com.tradevault.core.db.Dialect;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Opens a PostgreSQL ledger for its {@link PostgresDialect}: a HikariCP pool
 * named {@code tradevault} that logs in with {@code db.user} and the password
 * from {@code db.password-file} or {@code TRADEVAULT_DB_PASSWORD} (else the
 * driver reads {@code ~/.pgpass}), tried once before it is handed out so that
 * a wrong password or a stopped server fails here, with the server's reason.
 */
final class PostgresOpening {

    static final String PASSWORD_ENV = "TRADEVAULT_DB_PASSWORD";

    private final PostgresDialect dialect;
    private final String url;

    PostgresOpening(PostgresDialect dialect, String url) {
        this.dialect = dialect;
        this.url = url;
    }

    /** See {@link Dialect#open}. */
    Database open(DbSettings settings) {
        HikariDataSource pool = new HikariDataSource(poolConfig(settings));
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
        } catch (SQLException e) {
            pool.close();
            throw new DatabaseProblem(Outcome.FAILURE, "cannot connect to PostgreSQL at " + dialect.location() + ": "
                    + serverReason(e), "check that the server runs and the credentials (db.user, db.password-file,"
                    + " " + PASSWORD_ENV + " or ~/.pgpass)", e);
        }
        return new Database(dialect, pool, false, pool);
    }

    private HikariConfig poolConfig(DbSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("tradevault");
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("ApplicationName", "tradevault pid " + ProcessHandle.current().pid());
        settings.user().ifPresent(config::setUsername);
        password(settings).ifPresent(config::setPassword);
        return config;
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

    /** The password from {@code db.password-file}, else {@code TRADEVAULT_DB_PASSWORD}; empty leaves it to the driver. */
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
}
