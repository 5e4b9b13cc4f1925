package com.tradevault.app.exchange.paper;

import com.tradevault.app.trading.Money;
import com.tradevault.core.config.SettingsReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How the paper exchange is set up, read once from the {@code paper} section.
 *
 * @param stateFile          the exchange's own SQLite file (never the ledger)
 * @param symbols            traded symbols, each {@code BASE + quoteAsset}, e.g. BTCUSDT
 * @param quoteAsset         the quote asset shared by every symbol, e.g. USDT
 * @param startPrice         the first price of every symbol on a new state file
 * @param tickSize           price step of every symbol
 * @param stepSize           quantity step of every symbol
 * @param minQuantity        smallest quantity
 * @param minNotional        smallest price × quantity
 * @param feeRate            fee per fill as a fraction (0.001 = 0.1 %), charged in the asset received
 * @param initialQuote       quote balance of a new account
 * @param initialBase        balance of each base asset of a new account
 * @param feed               where prices come from
 * @param venue              how strict the venue is: order types, trailing, cancel-replace, price band, rate limits
 */
public record PaperSettings(Path stateFile, List<String> symbols, String quoteAsset, BigDecimal startPrice,
                            BigDecimal tickSize, BigDecimal stepSize, BigDecimal minQuantity,
                            BigDecimal minNotional, BigDecimal feeRate, BigDecimal initialQuote,
                            BigDecimal initialBase, Feed feed, VenueRules venue) {

    /** The largest mean change per tick, either way: more compounds past any price within minutes. */
    public static final BigDecimal LARGEST_DRIFT = new BigDecimal("0.01");

    /** The default state file name, in the data dir. */
    public static final String DEFAULT_FILE_NAME = "paper-exchange.db";

    /**
     * The price feed.
     *
     * @param kind         random-walk or csv
     * @param seed         random-walk seed: the same seed gives the same prices
     * @param drift        random-walk mean relative change per tick
     * @param volatility   random-walk standard deviation of the relative change per tick
     * @param tickInterval how often the background ticker moves the price
     * @param csvFile      csv: the file of prices replayed one per tick (last column of each line)
     */
    public record Feed(String kind, long seed, BigDecimal drift, BigDecimal volatility, Duration tickInterval,
                       Optional<Path> csvFile) {

        public static final String RANDOM_WALK = "random-walk";
        public static final String CSV = "csv";
    }

    public PaperSettings {
        symbols = List.copyOf(symbols);
    }

    /** Reads the {@code paper} settings, collecting problems in {@code reader}. */
    public static PaperSettings read(SettingsReader reader, Path dataDir) {
        Path state = reader.optionalPath("paper.state-file").orElse(dataDir.resolve(DEFAULT_FILE_NAME));
        String quote = reader.string("paper.quote-asset").trim();
        return new PaperSettings(state.toAbsolutePath().normalize(), symbols(reader, quote), quote,
                positive(reader, "paper.start-price"), positive(reader, "paper.tick-size"),
                positive(reader, "paper.step-size"), positive(reader, "paper.min-quantity"),
                notNegative(reader, "paper.min-notional"), fraction(reader, "paper.fee-rate"),
                notNegative(reader, "paper.initial-quote-balance"),
                notNegative(reader, "paper.initial-base-balance"), feed(reader), VenueRules.read(reader));
    }

    private static Feed feed(SettingsReader reader) {
        String kind = reader.oneOf("paper.feed.kind", Set.of(Feed.RANDOM_WALK, Feed.CSV));
        Optional<Path> csv = reader.optionalPath("paper.feed.csv-file").map(p -> p.toAbsolutePath().normalize());
        if (kind.equals(Feed.CSV) && csv.isEmpty()) {
            reader.problem("paper.feed.csv-file", "must name a file of prices when paper.feed.kind = csv", "");
        }
        return new Feed(kind, seed(reader), drift(reader),
                fraction(reader, "paper.feed.volatility"), reader.durationBetween("paper.feed.tick-interval", Duration.ofMillis(1), Duration.ofHours(1)), csv);
    }

    private static BigDecimal drift(SettingsReader reader) {
        BigDecimal drift = decimal(reader, "paper.feed.drift");
        return drift.abs().compareTo(LARGEST_DRIFT) <= 0 ? drift : reader.problem("paper.feed.drift", "must be a"
                + " decimal number from -" + LARGEST_DRIFT + " to " + LARGEST_DRIFT + " (a mean change of at most 1 %"
                + " per tick), such as 0.0001", BigDecimal.ZERO);
    }

    private static long seed(SettingsReader reader) {
        try {
            return Long.parseLong(reader.string("paper.feed.seed").trim());
        } catch (NumberFormatException e) {
            return reader.problem("paper.feed.seed", "must be a whole number", 0L);
        }
    }

    private static List<String> symbols(SettingsReader reader, String quote) {
        List<String> symbols = List.of(reader.string("paper.symbols").split("[,\\s]+")).stream()
                .filter(s -> !s.isBlank()).toList();
        if (symbols.isEmpty() || symbols.stream().anyMatch(s -> !validSymbol(s, quote))) {
            reader.problem("paper.symbols", "must list symbols such as BTCUSDT, each ending in paper.quote-asset "
                    + quote + ", separated by commas", List.of());
        }
        return symbols;
    }

    private static boolean validSymbol(String symbol, String quote) {
        return symbol.matches("[A-Z0-9]{2,20}") && !quote.isEmpty() && symbol.endsWith(quote)
                && symbol.length() > quote.length();
    }

    static BigDecimal decimal(SettingsReader reader, String path) {
        try {
            return new BigDecimal(reader.string(path).trim());
        } catch (NumberFormatException e) {
            return reader.problem(path, "must be a decimal number such as 0.001", BigDecimal.ZERO);
        }
    }

    static BigDecimal positive(SettingsReader reader, String path) {
        return reader.decimalBetween(path, BigDecimal.ZERO, false, Money.LARGEST_SETTING);
    }

    private static BigDecimal notNegative(SettingsReader reader, String path) {
        return reader.decimalBetween(path, BigDecimal.ZERO, true, Money.LARGEST_SETTING);
    }

    private static BigDecimal fraction(SettingsReader reader, String path) {
        BigDecimal v = decimal(reader, path);
        boolean ok = v.signum() >= 0 && v.compareTo(BigDecimal.ONE) < 0;
        return ok ? v : reader.problem(path, "must be a fraction from 0 (inclusive) to 1 (exclusive)", BigDecimal.ZERO);
    }

    /** The base asset of one of the configured symbols. */
    public String baseAsset(String symbol) {
        return symbol.substring(0, symbol.length() - quoteAsset.length());
    }

    /** The same settings with another state file (for {@code paper-exchange serve --state FILE}). */
    public PaperSettings withStateFile(Path file) {
        return new PaperSettings(file.toAbsolutePath().normalize(), symbols, quoteAsset, startPrice, tickSize,
                stepSize, minQuantity, minNotional, feeRate, initialQuote, initialBase, feed, venue);
    }
}
