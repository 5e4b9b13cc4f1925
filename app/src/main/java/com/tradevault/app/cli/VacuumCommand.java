package com.tradevault.app.cli;

import com.tradevault.backup.Compacting;
import com.tradevault.core.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradevault vacuum}: give free pages back to the disk. */
@Command(name = "vacuum", description = {
        "Rebuild the ledger without free pages. In place, it needs the ledger to itself (stop the bot; exit 5",
        "otherwise) and twice its size free; --into writes a compact copy (encrypted like the ledger) while the bot",
        "runs. Checks the free space first and reports the size before and after."})
final class VacuumCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--into", paramLabel = "FILE", description = "Write a compact copy to FILE instead (never overwrites).")
    Path into;

    VacuumCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Compacting.Report r;
        Progress progress = ConsoleProgress.forTerminal();
        progress.start("vacuum");
        try {
            r = new Compacting(context.databases(common)).vacuum(Optional.ofNullable(into));
        } finally {
            progress.done();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(r.into().map(p -> "Wrote a compact copy to " + p + ".").orElse("Vacuumed the ledger."));
        out.println("  before: " + Sizes.human(r.before()));
        out.println("  after:  " + Sizes.human(r.after()) + (r.into().isPresent() ? " (the copy)" : ""));
        return 0;
    }
}
