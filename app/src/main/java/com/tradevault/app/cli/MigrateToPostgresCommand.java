package com.tradevault.app.cli;

import com.tradevault.core.migrate.MigratingToPostgres;
import com.tradevault.core.migrate.MigrationReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradevault migrate-to-postgres}: copy the SQLite ledger into an empty PostgreSQL database, verified. */
@Command(name = "migrate-to-postgres", description = {
        "Copy the SQLite ledger into an empty PostgreSQL database, verified.",
        "Preflight checks, schema through the same migrations as setup-db, COPY in batches, sequences",
        "advanced, then row counts and content checksums compared table by table. Exit 0 only when",
        "everything is equal; the report is printed and written as JSON next to the ledger.",
        "Refuses while the bot runs and refuses a target with data. The SQLite file is not changed: it is",
        "the rollback. The password comes from TRADEVAULT_DB_PASSWORD, db.password-file or ~/.pgpass."})
final class MigrateToPostgresCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "URL",
            description = "The empty PostgreSQL database, e.g. jdbc:postgresql://localhost:5432/tradevault.")
    String target;

    @Option(names = "--dry-run", description = "Only check the ledger and the target; write nothing.")
    boolean dryRun;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "10000", converter = WholeNumbers.BatchSize.class,
            description = "Rows per COPY batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    MigrateToPostgresCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        MigratingToPostgres.Result result = new MigratingToPostgres(context.databases(common), target, context.clock())
                .run(dryRun, batchSize, ConsoleProgress.forTerminal());
        MigrationReport report = result.report();
        PrintWriter out = spec.commandLine().getOut();
        MigrationSummary.print(out, report, result.reportFile().toString());
        report.failure(result.reportFile()).ifPresent(e -> {
            throw e;
        });
        if (dryRun) {
            out.println("Dry run: the preflight found no problems; nothing was written.");
        } else {
            out.println("The SQLite ledger is unchanged and stays as the rollback. Next: set db.url (or"
                    + " TRADEVAULT_DB_URL) to " + report.target() + ", start the bot and run 'tradevault status'"
                    + " (docs/postgres-upgrade.md).");
        }
        return 0;
    }
}
