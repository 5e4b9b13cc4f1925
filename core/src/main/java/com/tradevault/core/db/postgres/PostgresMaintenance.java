package com.tradevault.core.db.postgres;

import com.tradevault.core.Outcome;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.DatabaseProblem;
import com.tradevault.core.db.Maintenance;
import com.tradevault.core.db.Snapshot;
import com.tradevault.core.key.ResolvedKey;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/**
 * Whole copies of a PostgreSQL ledger and its compaction: the backup's
 * consistent copy is a {@code pg_dump} ({@link PgDump}); no snapshot is set
 * aside beside a server's database; {@code VACUUM (ANALYZE)} in place, never
 * into a file.
 */
final class PostgresMaintenance implements Maintenance {

    private final String url;

    PostgresMaintenance(String url) {
        this.url = url;
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
    public void compact(Connection connection, Optional<Path> into) throws SQLException {
        if (into.isPresent()) {
            throw new DatabaseProblem(Outcome.BAD_USAGE, "vacuum --into writes a SQLite file; the ledger is on PostgreSQL at "
                    + DbSettings.redact(url), "run 'tradevault vacuum' without --into, or take a copy with 'tradevault backup'");
        }
        try (Statement s = connection.createStatement()) {
            s.execute("VACUUM (ANALYZE)");
        }
    }

    @Override
    public long spaceToCompact(long size, boolean into) {
        return 0;
    }
}
