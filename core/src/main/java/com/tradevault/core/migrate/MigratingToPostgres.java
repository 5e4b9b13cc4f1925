package com.tradevault.core.migrate;

import com.tradevault.core.AtomicFiles;
import com.tradevault.core.Outcome;
import com.tradevault.core.Progress;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.DatabaseProblem;
import com.tradevault.core.db.Dialect;
import com.tradevault.core.db.InstanceLock;
import com.tradevault.core.db.OpeningDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code migrate-to-postgres}: copies the configured SQLite/SQLCipher ledger
 * into an empty PostgreSQL database and proves the copy equal. Refuses while
 * the bot holds the ledger and refuses a target with data. The SQLite file
 * is never changed: it stays as the rollback.
 */
public final class MigratingToPostgres {

    static final String COMMAND = "migrate-to-postgres";

    private final OpeningDatabases opening;
    private final String targetUrl;
    private final Clock clock;

    public MigratingToPostgres(OpeningDatabases opening, String targetUrl, Clock clock) {
        this.opening = opening;
        this.targetUrl = targetUrl;
        this.clock = clock;
    }

    /**
     * What a run produced.
     *
     * @param report     the report (also written to {@code reportFile})
     * @param reportFile where the JSON report went, next to the ledger
     */
    public record Result(MigrationReport report, Path reportFile) {
    }

    /** Runs the migration (or only its checks, for a dry run) and writes the report next to the ledger. */
    public Result run(boolean dryRun, int batchSize, Progress progress) {
        Path ledger = opening.dialect().file().orElseThrow(() -> new DatabaseProblem(Outcome.BAD_USAGE,
                "the configured ledger " + opening.dialect().location() + " is already on PostgreSQL",
                "migrate-to-postgres copies a SQLite ledger; point db.url at it, or use migrate-to-sqlite for the way back"));
        Dialect targetDialect = postgres(targetUrl);
        try (Database source = opening.openExisting(); InstanceLock lock = source.dialect().lockForWriting(source);
             Database target = targetDialect.open(opening.settings().withUrl(targetUrl)
                     .withPoolOfAtLeast(LedgerCopy.CONNECTIONS), Optional.empty(), false)) {
            MigrationReport report = new LedgerMove(COMMAND, source, target, clock).run(dryRun, batchSize, progress);
            Path file = ledger.resolveSibling(ledger.getFileName() + "." + COMMAND + "." + AtomicFiles.stamp(clock.instant())
                    + ".json");
            report.writeTo(file);
            return new Result(report, file);
        }
    }

    static Dialect postgres(String url) {
        return Dialect.forServerUrl(url).orElseThrow(() -> new DatabaseProblem(Outcome.BAD_USAGE,
                "not a PostgreSQL URL: " + redacted(url), "give a JDBC URL such as"
                + " jdbc:postgresql://localhost:5432/tradevault (the password comes from"
                + " TRADEVAULT_DB_PASSWORD, db.password-file or ~/.pgpass, never from the URL)"));
    }

    private static String redacted(String url) {
        return com.tradevault.core.config.DbSettings.redact(url);
    }
}
