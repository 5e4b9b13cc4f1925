package com.tradevault.app.bot;

import com.tradevault.core.testing.MutableClock;
import com.tradevault.app.exchange.paper.PaperExchange;
import com.tradevault.app.exchange.paper.PaperSettings;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.jdbc.JdbcLedgers;
import com.tradevault.core.config.ConfigLoader;
import com.tradevault.core.config.SettingsReader;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.SettingUpDatabase;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.TestLedgers;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** An encrypted ledger set up in a temp dir, the in-process paper exchange, and the bot's settings. */
final class BotFixture implements AutoCloseable {

    static final String SYMBOL = "BTCUSDT";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));
    final Database database;
    final Ledger ledger;
    final BotSettings settings;
    final PaperSettings paperSettings;
    PaperExchange exchange;

    BotFixture(Path dir, String... overrides) {
        this(dir, TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX), overrides);
    }

    /** The same on the ledger {@code env} points at (e.g. TRADEVAULT_DB_URL of a PostgreSQL database). */
    BotFixture(Path dir, Map<String, String> env, String... overrides) {
        OpeningDatabases opening = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env));
        new SettingUpDatabase(opening, clock).run();
        database = opening.openExisting();
        ledger = JdbcLedgers.on(database);
        Config config = config(overrides);
        settings = BotSettings.from(config);
        SettingsReader reader = new SettingsReader(config);
        paperSettings = PaperSettings.read(reader, dir.resolve("data"));
        reader.throwIfProblems();
        exchange = PaperExchange.open(paperSettings, clock);
    }

    private static Config config(String... overrides) {
        Map<String, Object> values = new HashMap<>(Map.of("strategy.lookback", 5, "strategy.trail", "0.5",
                "paper.feed.seed", "7"));
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1]);
        }
        return ConfigFactory.parseMap(values).withFallback(ConfigLoader.reference()).resolve();
    }

    Bot newBot() {
        return new Bot(settings, ledger, exchange, clock);
    }

    /** Closes the paper exchange and opens it again from its state file, as after a restart. */
    void restartExchange() {
        exchange.close();
        exchange = PaperExchange.open(paperSettings, clock);
    }

    @Override
    public void close() {
        exchange.close();
        database.close();
    }
}
