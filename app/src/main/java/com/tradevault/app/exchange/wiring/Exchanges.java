package com.tradevault.app.exchange.wiring;

import com.tradevault.app.exchange.ApiCredentials;
import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.exchange.ExchangeSettings;
import com.tradevault.app.exchange.binance.BinanceExchange;
import com.tradevault.app.exchange.paper.PaperExchange;
import com.tradevault.app.exchange.paper.PaperSettings;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.config.SettingsReader;
import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses and opens the bot's exchange from the configuration:
 * {@code exchange.url} (or TRADEVAULT_EXCHANGE_URL) set selects the Binance
 * REST adapter at that URL, with the account's credentials from the
 * environment or the credentials file; unset selects the in-process paper
 * exchange, ticking live on its own thread.
 */
public final class Exchanges {

    private Exchanges() {
    }

    /**
     * The settings both choices need.
     *
     * @param exchange the {@code exchange} section
     * @param paper    the {@code paper} section
     */
    public record Settings(ExchangeSettings exchange, PaperSettings paper) {

        /** Reads both sections, collecting problems in {@code reader}; {@code dataDir} holds the paper state. */
        public static Settings read(SettingsReader reader, Path dataDir) {
            return new Settings(ExchangeSettings.read(reader), PaperSettings.read(reader, dataDir));
        }

        /** Reads and checks both sections (and data-dir), failing with every problem at once. */
        public static Settings from(Config config) {
            SettingsReader reader = new SettingsReader(config);
            Settings settings = read(reader, DbSettings.read(reader).dataDir());
            reader.throwIfProblems();
            return settings;
        }
    }

    /**
     * An opened exchange and what it is, for the log; {@link #close()} stops
     * the paper exchange's ticker and closes its state file.
     */
    public record Opened(Exchange exchange, String description) implements AutoCloseable {

        @Override
        public void close() {
            if (exchange instanceof PaperExchange paper) {
                paper.close();
            }
        }
    }

    /** Opens the configured exchange. */
    public static Opened fromSettings(Settings settings, Map<String, String> env, Clock clock) {
        ExchangeSettings ex = settings.exchange();
        if (ex.url().isPresent()) {
            ApiCredentials credentials = ApiCredentials.require(env, ex.credentialsFile());
            return new Opened(new BinanceExchange(ex.url().get(), Optional.of(credentials), ex, clock),
                    "Binance Spot REST API at " + ex.url().get() + " (API key from " + credentials.source() + ")");
        }
        PaperExchange paper = PaperExchange.open(settings.paper(), clock);
        paper.startTicker();
        return new Opened(paper, "in-process paper exchange (state " + settings.paper().stateFile() + ")");
    }
}
