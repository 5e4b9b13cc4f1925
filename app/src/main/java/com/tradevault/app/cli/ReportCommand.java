package com.tradevault.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradevault.app.dashboard.Assets;
import com.tradevault.app.dashboard.DashboardData;
import com.tradevault.app.dashboard.Pages;
import com.tradevault.core.AtomicFiles;
import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradevault report --out FILE.html}: the dashboard's picture now, as one self-contained file. */
@Command(name = "report", description = {"Write the dashboard's picture (equity, positions and stops, orders, fills,",
        "decisions, reconciliations, alerts, backups, health) as one self-contained HTML file, to mail or archive."})
final class ReportCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "The file to write (replaced if it exists).")
    Path out;

    ReportCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        String html;
        try (DashboardWiring wiring = DashboardWiring.open(context, common, Optional.empty())) {
            DashboardData data = wiring.data();
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("overview", data.overview());
            report.put("orders", data.orders(DashboardData.Filter.NONE));
            report.put("fills", data.fills(DashboardData.Filter.NONE));
            report.put("decisions", data.decisions(DashboardData.Filter.NONE));
            html = Pages.report(Assets.load(), new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .writeValueAsString(report));
        }
        write(html);
        spec.commandLine().getOut().println("report written to " + out.toAbsolutePath() + " ("
                + Sizes.human(Files.size(out)) + "): one file, it opens in any browser without a network");
        return 0;
    }

    private void write(String html) {
        Path target = out.toAbsolutePath();
        try {
            AtomicFiles.write(target, temp -> Files.writeString(temp, html, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TradevaultException(Outcome.FAILURE, "cannot write the report to " + target + ": "
                    + e.getMessage(), "choose a writable path with --out", e);
        }
    }
}
