package com.tradevault.app.cli;

import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.SettingUpDatabase;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tradevault setup-db}: create the ledger if missing and migrate it to this bundle's schema. */
@Command(name = "setup-db", description = {
        "Create the ledger if it is missing and apply pending schema migrations.",
        "Running it again changes nothing. A ledger newer than this bundle is refused.",
        "Where a ledger existed (a set-aside or half-restored ledger, an interrupted restore, backups), it creates",
        "none and prints the restore command instead."})
final class SetupDbCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    SetupDbCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        OpeningDatabases opening = context.databases(common);
        opening.dialect().file().ifPresent(ledger -> new FormerLedger(ledger,
                context.backupSettings(common).dir(), common.configFile()).refuseToReplace());
        SettingUpDatabase.Report report = new SettingUpDatabase(opening, context.clock()).run();
        PrintWriter out = spec.commandLine().getOut();
        report.generatedKey().ifPresent(k -> {
            out.println("Generated a new database key in " + k.source() + " (mode 0600).");
            out.println("Keep a copy of it somewhere safe, away from this server: without it the ledger");
            out.println("and every backup of it are unreadable.");
        });
        report.snapshot().ifPresent(p -> out.println("Snapshot of the ledger before the upgrade set aside at " + p));
        report.snapshotSkipped().ifPresent(why -> out.println("No snapshot taken (" + why + ")"));
        String where = opening.dialect().name() + " " + opening.dialect().location();
        if (report.changed()) {
            out.println("Migrated ledger " + where + " from v" + report.from() + " to v" + report.to());
        } else {
            out.println("Ledger " + where + " is up to date at v" + report.to() + "; nothing changed");
        }
        return 0;
    }
}
