package com.tradevault.app.cli;

import com.tradevault.app.dashboard.Backups;
import com.tradevault.app.dashboard.DashboardData;
import com.tradevault.app.dashboard.DashboardSettings;
import com.tradevault.app.dashboard.Health;
import com.tradevault.app.exchange.ClockOffset;
import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.exchange.wiring.Exchanges;
import com.tradevault.app.ledger.jdbc.JdbcLedgers;
import com.tradevault.backup.BackupSettings;
import com.tradevault.core.config.SettingsReader;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.SchemaMigrations;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the dashboard together for {@code dashboard} and {@code report}: the
 * settings read and checked at once, the ledger opened read-only, the
 * health and backup views. Closing it closes the ledger and the exchange.
 */
final class DashboardWiring implements AutoCloseable {

    private final BotConfiguration config;
    private final DashboardSettings settings;
    private final Database database;
    private final DashboardData data;
    private Exchanges.Opened venue;

    private DashboardWiring(CommandContext context, CommonOptions common, Optional<String> listen) {
        SettingsReader reader = new SettingsReader(context.config(common));
        this.config = BotConfiguration.read(reader);
        BackupSettings backups = BackupSettings.read(reader, config.db());
        this.settings = DashboardSettings.read(reader, listen);
        reader.throwIfProblems();
        Database opened = new OpeningDatabases(config.db(), context.keys()).openExisting();
        int schema = new SchemaMigrations(opened).requireCurrent().current();
        this.database = opened.readOnly();
        Health health = new Health(database, schema, config.db().dataDir(), config.bot().scanInterval(),
                () -> probe(context), context.clock());
        this.data = new DashboardData(JdbcLedgers.on(database), context.clock(), health,
                new Backups(backups.dir(), backups.interval()));
    }

    static DashboardWiring open(CommandContext context, CommonOptions common, Optional<String> listen) {
        return new DashboardWiring(context, common, listen);
    }

    DashboardSettings settings() {
        return settings;
    }

    DashboardData data() {
        return data;
    }

    BotConfiguration config() {
        return config;
    }

    /**
     * How the exchange answers now. The in-process paper exchange lives
     * inside the bot and is not asked: the last scan tells whether it works.
     */
    private Map<String, Object> probe(CommandContext context) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (config.exchange().exchange().url().isEmpty()) {
            out.put("kind", "in-process paper exchange (inside the bot: alive while it scans)");
            return out;
        }
        try {
            if (venue == null) {
                venue = Exchanges.fromSettings(config.exchange(), context.env(), context.clock());
            }
            Exchange exchange = venue.exchange();
            long before = context.clock().millis();
            long server = exchange.serverTime().toEpochMilli();
            out.put("reachable", true);
            out.put("clockOffsetMs", ClockOffset.millis(before, server, context.clock().millis()));
            exchange.requestWeight().ifPresent(w -> out.put("requestWeight", w.used() + " of " + w.limit() + " per "
                    + w.window()));
        } catch (RuntimeException e) {
            out.put("reachable", false);
            out.put("problem", e.getMessage());
        }
        return out;
    }

    @Override
    public void close() {
        if (venue != null) {
            venue.close();
        }
        database.close();
    }
}
