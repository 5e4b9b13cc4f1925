package com.tradevault.app.cli;

import static com.tradevault.app.exchange.binance.DocumentedVenue.error;
import static com.tradevault.app.exchange.binance.DocumentedVenue.ok;
import static com.tradevault.app.exchange.binance.DocumentedVenue.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradevault.app.exchange.binance.DocumentedVenue;
import com.tradevault.core.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tradevault exchange check} against a stub venue answering as Binance documents. */
class ExchangeCheckIT {

    /** 12 ms after the stub venue's documented server time: the venue's clock is 12 ms behind ours. */
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1499827319571L), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private final DocumentedVenue venue = new DocumentedVenue();
    private Map<String, String> env;

    @BeforeEach
    void configure() throws Exception {
        env = TestLedgers.env(dir, "TRADEVAULT_EXCHANGE_URL", venue.url().toString(),
                "TRADEVAULT_EXCHANGE_API_KEY", "stub-api-key", "TRADEVAULT_EXCHANGE_API_SECRET", "stub-api-secret",
                "TRADEVAULT_CONFIG", dir.resolve("check.conf").toString());
        symbols("BTCUSDT");
    }

    @AfterEach
    void stop() {
        venue.close();
    }

    private void symbols(String list) throws Exception {
        Files.writeString(dir.resolve("check.conf"), "bot.symbols = \"" + list + "\"\nexchange.max-retries = 0\n");
    }

    private void account(String json) {
        venue.answer("GET /api/v3/account", ok(json).header("X-MBX-USED-WEIGHT-1M", "41"));
    }

    @Test
    void aSymbolWithStopLimitOnlyIsReadyWithTheStopTypeTheBotWillUse() {
        account(resource("account.json"));
        venue.answer("GET /api/v3/exchangeInfo", ok(resource("exchange-info-btcusdt.json")));
        CliRun run = CliRun.of(env, CLOCK, "exchange", "check");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertEquals(String.join("\n",
                "exchange:       Binance Spot REST API at " + venue.url() + " (API key from environment"
                        + " (TRADEVAULT_EXCHANGE_API_KEY))",
                "account:        may trade; permissions SPOT",
                "balances:       BTC 0.003 free, 0.003 locked; USDT 1000.5 free, 0 locked",
                "clock offset:   -12 ms (exchange.recv-window 5000 ms)",
                "request weight: 41 of 6000 in the current 1M window",
                "BTCUSDT: stop STOP_LOSS_LIMIT; order types LIMIT, LIMIT_MAKER, MARKET, STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT",
                "  tick 0.01, step 0.00001, min quantity 0.00001, min notional 5, sell price band 0.2-5 x average price",
                "  trailing stops: yes (TRAILING_DELTA 10..2000 bips); cancel-replace: yes; stop moved by: bot",
                "ready: the bot can trade BTCUSDT safely", ""), run.out());
        assertFalse(venue.routes().contains("POST /api/v3/order"), "a preflight sends no order");
    }

    @Test
    void everyReasonTheBotCannotTradeSafelyIsNamedWithExitTwo() throws Exception {
        symbols("BTCUSDT,ETHBTC");
        account(resource("account.json").replace("\"canTrade\": true", "\"canTrade\": false"));
        venue.answer("GET /api/v3/exchangeInfo", ok(resource("exchange-info-btcusdt.json")), ok(resource(
                "exchange-info-btcusdt.json").replace("\"BTCUSDT\"", "\"ETHBTC\"").replace("\"BTC\"", "\"ETH\"")
                .replace("\"USDT\"", "\"BTC\"").replace("\"LIMIT_MAKER\", \"MARKET\", \"STOP_LOSS_LIMIT\","
                        + " \"TAKE_PROFIT_LIMIT\"", "\"MARKET\"")));
        Clock sevenSecondsBehind = Clock.fixed(Instant.ofEpochMilli(1499827319559L - 7000), ZoneOffset.UTC);
        CliRun run = CliRun.of(env, sevenSecondsBehind, "exchange", "check");
        assertEquals(2, run.exitCode());
        assertEquals(String.join("\n",
                "error: the account may not trade (canTrade is false): allow Spot trading for this API key on the venue",
                "error: the clock is 7000 ms off the venue's, beyond exchange.recv-window (5000 ms): synchronise the"
                        + " system clock (NTP)",
                "error: ETHBTC allows neither STOP_LOSS nor STOP_LOSS_LIMIT (it allows LIMIT, MARKET): a position there"
                        + " could not be protected; remove it from bot.symbols",
                "next: fix the problems above, then run 'tradevault exchange check' again", ""), run.err());
        List<String> lines = List.of(run.out().split("\n"));
        assertEquals("account:        may NOT trade (canTrade false); permissions SPOT", lines.get(1));
        assertEquals("ETHBTC: stop NONE; order types LIMIT, MARKET", lines.get(8));
        assertEquals("not ready: 3 problem(s)", lines.get(lines.size() - 1));
    }

    @Test
    void jsonGivesScriptsTheSameFacts() throws Exception {
        account(resource("account.json"));
        venue.answer("GET /api/v3/exchangeInfo", ok(resource("exchange-info-btcusdt.json")));
        CliRun run = CliRun.of(env, CLOCK, "exchange", "check", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode r = new ObjectMapper().readTree(run.out());
        assertEquals(List.of("true", "-12", "41", "6000", "STOP_LOSS_LIMIT", "0.2-5", "true", "0"), List.of(
                r.get("ready").asText(), r.get("clockOffsetMillis").asText(), r.at("/requestWeight/used").asText(),
                r.at("/requestWeight/limit").asText(), r.at("/symbols/0/stopType").asText(),
                r.at("/symbols/0/sellPriceBand").asText(), r.at("/symbols/0/trailingStops").asText(),
                Integer.toString(r.get("problems").size())));
    }

    @Test
    void venueTrailingOnASymbolThatAllowsItIsReadyAndSaysTheExchangeMovesTheStop() throws Exception {
        Files.writeString(dir.resolve("check.conf"), "bot.symbols = BTCUSDT\nexchange.max-retries = 0\n"
                + "strategy.trail-mode = venue\nstrategy.trail = \"1.25\"\n");
        account(resource("account.json"));
        venue.answer("GET /api/v3/exchangeInfo", ok(resource("exchange-info-btcusdt.json")));
        CliRun run = CliRun.of(env, CLOCK, "exchange", "check");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("  trailing stops: yes (TRAILING_DELTA 10..2000 bips); cancel-replace: yes;"
                + " stop moved by: exchange (125 bips)\n"), run.out());
    }

    @Test
    void venueTrailingOnASymbolThatCannotTrailFailsWithExitTwo() throws Exception {
        Files.writeString(dir.resolve("check.conf"), "bot.symbols = BTCUSDT\nexchange.max-retries = 0\n"
                + "strategy.trail-mode = venue\n");
        account(resource("account.json"));
        venue.answer("GET /api/v3/exchangeInfo", ok(resource("exchange-info-btcusdt.json")
                .replace("\"allowTrailingStop\": true", "\"allowTrailingStop\": false")));
        CliRun run = CliRun.of(env, CLOCK, "exchange", "check");
        assertEquals(2, run.exitCode());
        assertEquals(String.join("\n",
                "error: strategy.trail-mode = venue: BTCUSDT does not allow trailing stops (allowTrailingStop is false"
                        + " in exchangeInfo): set strategy.trail-mode = bot, choose a strategy.trail the symbol's"
                        + " TRAILING_DELTA filter admits, or remove it from bot.symbols",
                "next: fix the problems above, then run 'tradevault exchange check' again", ""), run.err());
    }

    @Test
    void venueTrailingWithATrailOutsideTheTrailingDeltaFilterFailsWithExitTwo() throws Exception {
        Files.writeString(dir.resolve("check.conf"), "bot.symbols = BTCUSDT\nexchange.max-retries = 0\n"
                + "strategy.trail-mode = venue\nstrategy.trail = \"25\"\n");
        account(resource("account.json"));
        venue.answer("GET /api/v3/exchangeInfo", ok(resource("exchange-info-btcusdt.json")));
        CliRun run = CliRun.of(env, CLOCK, "exchange", "check", "--json");
        assertEquals(2, run.exitCode());
        JsonNode r = new ObjectMapper().readTree(run.out());
        assertEquals("strategy.trail-mode = venue: the trail 25% is 2500 basis points, outside BTCUSDT's"
                + " TRAILING_DELTA filter for sell stops (10..2000): set strategy.trail-mode = bot, choose a"
                + " strategy.trail the symbol's TRAILING_DELTA filter admits, or remove it from bot.symbols",
                r.at("/problems/0").asText());
        assertEquals("exchange (2500 bips)", r.at("/symbols/0/trailedBy").asText());
    }

    @Test
    void aSymbolTheVenueDoesNotListIsAProblemNotACrash() throws Exception {
        symbols("NOPEUSDT");
        account(resource("account.json"));
        venue.answer("GET /api/v3/exchangeInfo", error(400, -1121, "Invalid symbol."));
        CliRun run = CliRun.of(env, CLOCK, "exchange", "check");
        assertEquals(2, run.exitCode());
        assertEquals("error: NOPEUSDT is not listed by the venue (Invalid symbol.): correct bot.symbols",
                run.err().split("\n")[0]);
    }

    @Test
    void rejectedCredentialsAreABadConfigurationWithTheNextStep() {
        venue.answer("GET /api/v3/account", error(401, -2015, "Invalid API-key, IP, or permissions for action."));
        CliRun run = CliRun.of(env, CLOCK, "exchange", "check");
        assertEquals(2, run.exitCode());
        assertEquals(String.join("\n",
                "error: GET /api/v3/account refused by the venue: Invalid API-key, IP, or permissions for action."
                        + " (-2015); check TRADEVAULT_EXCHANGE_API_KEY and TRADEVAULT_EXCHANGE_API_SECRET (or"
                        + " exchange.credentials-file), the key's IP whitelist and that it may trade Spot",
                "next: fix the API key or secret, then run 'tradevault exchange check' again", ""), run.err());
        assertFalse(run.err().contains("stub-api-secret"));
    }

    @Test
    void anUnreadableAnswerIsExitOneWithTheEndpointAndFieldNotAStackTrace() {
        account(resource("account.json").replace("\"canTrade\": true,", ""));
        CliRun run = CliRun.of(env, CLOCK, "exchange", "check");
        assertEquals(1, run.exitCode());
        assertEquals(String.join("\n",
                "error: cannot check the exchange: cannot read the answer of GET /api/v3/account: field 'canTrade' is"
                        + " missing; the venue may have changed its API: report this with the endpoint and field",
                "next: check exchange.url / TRADEVAULT_EXCHANGE_URL and the network, then run 'tradevault exchange"
                        + " check' again", ""), run.err());
    }
}
