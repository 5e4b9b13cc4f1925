package com.tradevault.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.tradevault.app.ledger.jdbc.JdbcLedgers;
import com.tradevault.app.status.TradingStatus;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.DatabaseProblem;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.SchemaMigrations;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradevault status}: where the ledger is and what state it is in. */
@Command(name = "status", description = {"Show the ledger: location, backend, encryption, schema version, size;",
        "open positions with their stop, open orders, realized and unrealized P&L, the last decision."})
final class StatusCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    StatusCommand(CommandContext context) {
        this.context = context;
    }

    /**
     * What {@code status} reports.
     *
     * @param backend       SQLite or PostgreSQL
     * @param location      file path or URL without password
     * @param encrypted     whether the ledger is encrypted at rest by tradevault
     * @param keySource     where the key comes from (never the key), or null
     * @param schemaVersion the ledger's schema version
     * @param bundleSchemaVersion the schema version this bundle expects
     * @param sizeBytes     size on disk
     * @param trading       positions, orders, P&L and the last decision; null while the schema is not current
     */
    record Report(String backend, String location, boolean encrypted, String keySource, int schemaVersion,
                  int bundleSchemaVersion, long sizeBytes, TradingStatus trading) {
    }

    @Override
    public Integer call() throws Exception {
        OpeningDatabases opening = context.databases(common);
        Report report;
        try (Database db = opening.openExisting()) {
            SchemaMigrations.Versions v = new SchemaMigrations(db).versions();
            report = new Report(opening.dialect().name(), opening.dialect().location(), db.encrypted(),
                    opening.key().filter(k -> db.encrypted()).map(k -> k.source()).orElse(null),
                    v.current(), v.latest(), db.dialect().sizeBytes(db),
                    v.upToDate() ? TradingStatus.read(JdbcLedgers.on(db)) : null);
        } catch (SQLException e) {
            throw DatabaseProblem.failed("reading the status", opening.dialect().location(), e);
        }
        print(report);
        return 0;
    }

    private void print(Report r) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).writeValueAsString(r));
            return;
        }
        out.println("ledger:     " + r.location());
        out.println("backend:    " + r.backend());
        out.println("encrypted:  " + (r.encrypted() ? "yes (SQLCipher 4), key from " + r.keySource() : "no"));
        out.println("schema:     v" + r.schemaVersion() + (r.schemaVersion() == r.bundleSchemaVersion() ? " (current)"
                : " (this bundle expects v" + r.bundleSchemaVersion() + ": run 'tradevault setup-db')"));
        out.println("size:       " + Sizes.human(r.sizeBytes()));
        if (r.trading() != null) {
            r.trading().print(out);
        }
    }
}
