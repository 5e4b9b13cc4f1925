package com.tradevault.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.tradevault.app.alerts.AlertView;
import com.tradevault.app.alerts.OutboxEntry;
import com.tradevault.app.ledger.jdbc.JdbcLedgers;
import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.SchemaMigrations;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradevault alerts list}: the alert outbox, newest first, with each alert's delivery state. */
@Command(name = "list", description = "Show the alert outbox, newest first: what was raised, and where it was delivered.")
final class AlertsListCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "Show at most N alerts (default: ${DEFAULT-VALUE}).")
    int limit;

    AlertsListCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (limit < 1 || limit > 100_000) {
            throw new TradevaultException(Outcome.BAD_USAGE, "--limit " + limit + ": must be from 1 to 100000",
                    "write it like --limit 20");
        }
        OpeningDatabases opening = context.databases(common);
        List<OutboxEntry> entries;
        try (Database db = opening.openExisting()) {
            new SchemaMigrations(db).requireCurrent();
            entries = JdbcLedgers.on(db).read(s -> s.recentAlerts(limit));
        }
        print(entries);
        return 0;
    }

    private void print(List<OutboxEntry> entries) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(entries.stream().map(AlertView::of).toList()));
            return;
        }
        if (entries.isEmpty()) {
            out.println("No alerts in the outbox. 'tradevault alerts test' checks the channels.");
            return;
        }
        out.println(String.format(Locale.ROOT, "%-6s  %-27s  %-8s  %-9s  %-30s  %s", "ID", "CREATED (UTC)",
                "SEVERITY", "STATE", "DELIVERY", "TITLE"));
        for (OutboxEntry e : entries) {
            out.println(String.format(Locale.ROOT, "%-6d  %-27s  %-8s  %-9s  %-30s  %s", e.id(), e.createdAt(),
                    e.alert().severityName(), e.alert().state().name().toLowerCase(Locale.ROOT), delivery(e),
                    e.alert().title()));
        }
    }

    private static String delivery(OutboxEntry e) {
        if (e.delivered()) {
            return "delivered (" + String.join(",", e.deliveredTo().stream().sorted().toList()) + ")";
        }
        return "pending, " + e.attempts() + " failed";
    }
}
