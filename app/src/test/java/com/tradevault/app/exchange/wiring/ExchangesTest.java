package com.tradevault.app.exchange.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tradevault.app.exchange.ApiCredentials;
import com.tradevault.app.exchange.binance.BinanceExchange;
import com.tradevault.app.exchange.paper.PaperExchange;
import com.tradevault.core.TradevaultException;
import com.tradevault.core.config.ConfigLoader;
import com.tradevault.core.config.ConfigProblem;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** exchange.url chooses the venue; bad exchange settings name key, value and rule. */
class ExchangesTest {

    @TempDir
    Path dir;

    @Test
    void noUrlOpensTheInProcessPaperExchangeInTheDataDir() {
        try (Exchanges.Opened opened = Exchanges.fromSettings(Exchanges.Settings.from(config()), Map.of(),
                Clock.systemUTC())) {
            assertInstanceOf(PaperExchange.class, opened.exchange());
            assertEquals("in-process paper exchange (state " + dir.resolve("paper-exchange.db") + ")",
                    opened.description());
        }
    }

    @Test
    void aUrlSelectsTheRestAdapterWithTheAccountsCredentials() {
        Map<String, String> env = Map.of(ApiCredentials.KEY_VARIABLE, "k", ApiCredentials.SECRET_VARIABLE, "s");
        try (Exchanges.Opened opened = Exchanges.fromSettings(Exchanges.Settings.from(
                config("exchange.url", "https://testnet.binance.vision/")), env, Clock.systemUTC())) {
            assertInstanceOf(BinanceExchange.class, opened.exchange());
            assertEquals("Binance Spot REST API at https://testnet.binance.vision (API key from environment"
                    + " (TRADEVAULT_EXCHANGE_API_KEY))", opened.description());
        }
    }

    @Test
    void aUrlWithoutCredentialsIsRefused() {
        Exchanges.Settings settings = Exchanges.Settings.from(config("exchange.url", "http://127.0.0.1:8765"));
        TradevaultException e = assertThrows(TradevaultException.class,
                () -> Exchanges.fromSettings(settings, Map.of(), Clock.systemUTC()));
        assertEquals("no exchange API credentials found", e.getMessage());
    }

    @Test
    void badExchangeSettingsAreListedTogether() {
        ConfigProblem e = assertThrows(ConfigProblem.class, () -> Exchanges.Settings.from(config(
                "exchange.url", "ftp://example.org", "exchange.recv-window", "90s", "exchange.max-retries", "20")));
        assertEquals(List.of("exchange.recv-window = 90s: must be at most 60s (the venue's limit)",
                "exchange.url = ftp://example.org: must be an http:// or https:// URL such as"
                        + " https://testnet.binance.vision",
                "exchange.max-retries = 20: must be a whole number from 0 to 10"), e.problems());
    }

    private Config config(String... keyValues) {
        Map<String, Object> values = new java.util.HashMap<>(Map.of("data-dir", dir.toString()));
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return ConfigFactory.parseMap(values).withFallback(ConfigLoader.reference()).resolve();
    }
}
