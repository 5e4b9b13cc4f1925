package com.tradevault.app.cli;

import com.tradevault.core.migrate.MigratingToSqlite;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradevault migrate-to-sqlite}: the way back from PostgreSQL, into a new encrypted SQLite file. */
@Command(name = "migrate-to-sqlite", description = {
        "Copy a PostgreSQL ledger back into a new encrypted SQLite file, verified.",
        "Encrypted under the configured key (generated as setup-db does when none is configured), with",
        "the same verification as migrate-to-postgres.",
        "Refuses while the bot runs on the source and refuses an existing target file."})
final class MigrateToSqliteCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "URL",
            description = "The PostgreSQL ledger, e.g. jdbc:postgresql://localhost:5432/tradevault.")
    String source;

    @Option(names = "--target", required = true, paramLabel = "FILE", description = "The new SQLite file.")
    Path target;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "10000", converter = WholeNumbers.BatchSize.class,
            description = "Rows per insert batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    MigrateToSqliteCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        MigratingToSqlite.Result result = new MigratingToSqlite(context.databases(common), context.keys(),
                context.clock()).run(source, target, batchSize, ConsoleProgress.forTerminal());
        PrintWriter out = spec.commandLine().getOut();
        MigrationSummary.print(out, result.report(), result.reportFile().toString());
        result.report().failure(result.reportFile()).ifPresent(e -> {
            throw e;
        });
        result.key().ifPresentOrElse(k -> out.println("Encrypted (SQLCipher 4) with the key from " + k.source()
                        + (result.generatedKey() ? ", generated now: keep a copy of it away from this server." : ".")),
                () -> out.println("NOT encrypted: db.encryption is off."));
        out.println("Wrote " + target.toAbsolutePath().normalize() + ". To use it, set db.url to jdbc:sqlite:"
                + target.toAbsolutePath().normalize() + " (docs/postgres-upgrade.md, rollback).");
        return 0;
    }
}
