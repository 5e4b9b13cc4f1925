package com.tradevault.app.cli;

import com.tradevault.app.bot.BotSettings;
import com.tradevault.app.exchange.wiring.Exchanges;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.config.SettingsReader;

/**
 * Everything {@code run} needs from the configuration, read and checked in one
 * go so that every problem is listed at once: the ledger, the bot and
 * strategy, the exchange; and that the bot only trades symbols the in-process
 * paper exchange has.
 */
record BotConfiguration(DbSettings db, BotSettings bot, Exchanges.Settings exchange) {

    /** Reads every section, collecting problems in {@code reader}. */
    static BotConfiguration read(SettingsReader reader) {
        DbSettings db = DbSettings.read(reader);
        BotSettings bot = BotSettings.read(reader);
        Exchanges.Settings exchange = Exchanges.Settings.read(reader, db.dataDir());
        boolean inProcess = exchange.exchange().url().isEmpty();
        if (inProcess && !exchange.paper().symbols().containsAll(bot.symbols())) {
            reader.problem("bot.symbols", "must be among paper.symbols (" + String.join(", ",
                    exchange.paper().symbols()) + ") when trading on the in-process paper exchange", "");
        }
        return new BotConfiguration(db, bot, exchange);
    }
}
