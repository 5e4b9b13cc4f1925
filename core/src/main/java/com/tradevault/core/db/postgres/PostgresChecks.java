package com.tradevault.core.db.postgres;

import com.tradevault.core.db.BackendCheck;
import com.tradevault.core.db.OwnChecks;
import java.sql.Connection;
import java.util.List;

/**
 * The checks PostgreSQL leaves to its server, each with what to run instead:
 * the server checks its own pages (pg_amcheck for B-trees, data checksums for
 * every page) and enforces foreign keys on every write.
 */
final class PostgresChecks implements OwnChecks {

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
    public List<String> integrityProblems(Connection connection, boolean thorough) {
        return List.of();
    }
}
