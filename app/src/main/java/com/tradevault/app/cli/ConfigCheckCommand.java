package com.tradevault.app.cli;

import com.tradevault.app.retention.RetentionSettings;
import com.tradevault.backup.BackupSettings;
import com.tradevault.app.dashboard.DashboardSettings;
import com.tradevault.app.alerts.AlertSettings;
import com.tradevault.app.exchange.wiring.Exchanges;
import com.tradevault.app.reconciliation.ReconcileSettings;
import com.tradevault.core.TradevaultException;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.config.SettingsReader;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.ResolvedKey;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tradevault config check}: validates every setting and the key source, listing every problem. */
@Command(name = "check", description = "Validate the configuration and the key source; list every problem found.")
final class ConfigCheckCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    ConfigCheckCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        SettingsReader reader = new SettingsReader(context.config(common));
        BotConfiguration config = BotConfiguration.read(reader);
        DbSettings db = config.db();
        BackupSettings.read(reader, db);
        ReconcileSettings.read(reader);
        RetentionSettings.read(reader);
        DashboardSettings dashboard = DashboardSettings.read(reader, Optional.empty());
        AlertSettings alerts = AlertSettings.read(reader);
        reader.throwIfProblems();
        OpeningDatabases opening = new OpeningDatabases(db, context.keys());
        Optional<ResolvedKey> key = opening.key();
        String stops = stopsLine(config);
        PrintWriter out = spec.commandLine().getOut();
        out.println("configuration OK");
        out.println("  ledger:     " + opening.dialect().name() + " " + opening.dialect().location());
        out.println("  encryption: " + encryptionLine(opening, key));
        if (opening.settings().encryption() && opening.dialect().supportsEncryption()) {
            context.keys().ignoredSources(db).forEach(other -> out.println("  warning:    " + other
                    + " is also set, with a different key; it is ignored (" + key.get().source() + " comes first)"));
        }
        out.println("  stops:      " + stops);
        out.println("  dashboard:  " + dashboard.baseUrl() + "/ ('tradevault dashboard' prints it with its token)");
        out.println("  alerts:     " + (alerts.channelNames().isEmpty() ? "no channel configured (see docs/alerts.md)"
                : String.join(", ", alerts.channelNames())));
        return 0;
    }

    /**
     * The stop type of every symbol, from the exchange's rules; a symbol that
     * allows none fails the check (exit 2). An exchange that cannot be asked
     * now is not a configuration error: {@code run} asks again at start.
     */
    private String stopsLine(BotConfiguration config) {
        try (Exchanges.Opened venue = Exchanges.fromSettings(config.exchange(), context.env(), context.clock())) {
            return String.join(", ", StopTypeCheck.require(venue.exchange(), config.bot().symbols(),
                    config.bot().strategy()));
        } catch (TradevaultException e) {
            throw e;
        } catch (RuntimeException e) {
            return "not checked: the exchange could not be asked (" + e.getMessage() + "); 'tradevault run'"
                    + " checks at start";
        }
    }

    static String encryptionLine(OpeningDatabases opening, Optional<ResolvedKey> key) {
        if (!opening.dialect().supportsEncryption()) {
            return "not applicable (" + opening.dialect().name() + ")";
        }
        if (!opening.settings().encryption()) {
            return "off (db.encryption = off)";
        }
        return key.map(k -> "on, key from " + k.source())
                .orElse("on, no key configured yet ('tradevault setup-db' generates one for a new ledger)");
    }
}
