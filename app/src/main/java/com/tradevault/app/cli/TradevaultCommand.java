package com.tradevault.app.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top command: prints usage; every action is a subcommand. Every command inherits --help and --version.
 * The subcommands are listed here rather than in the annotation so that a start builds only the one it runs
 * ({@link Cli#commandLineFor}).
 */
@Command(name = "tradevault", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        description = "A trading bot whose ledger is encrypted, crash-safe, backed up and verifiable.",
        footer = {"", "Exit codes: 0 ok, 1 failure, 2 bad usage or configuration, 3 integrity problem,",
                "4 key problem, 5 ledger locked by another running instance.",
                "Documentation: docs/ in the bundle."})
final class TradevaultCommand implements Runnable {

    /** Every subcommand, in the order usage lists them; each class's {@code @Command} names it. */
    static final List<Class<?>> SUBCOMMANDS = List.of(SetupDbCommand.class, RunCommand.class,
            ReconcileCommand.class, StatusCommand.class, ConfigCommand.class, DbCommand.class, BackupCommand.class,
            BackupsCommand.class, RestoreCommand.class, ReplicateCommand.class, ReplicaCommand.class,
            VacuumCommand.class, IntegrityCommand.class, MigrateToPostgresCommand.class, MigrateToSqliteCommand.class,
            PaperExchangeCommand.class, ExchangeCommand.class, DashboardCommand.class, ReportCommand.class,
            AlertsCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
