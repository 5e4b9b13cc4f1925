package com.tradevault.app.exchange.paper;

import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replays a CSV file of prices, one per tick, for every symbol; starts over at
 * the end. The price is the last column of each line, so both {@code 30125.5}
 * and {@code 2024-01-02T10:00:00Z,30125.5} work; a header line and blank lines
 * are skipped.
 */
final class CsvReplay implements PriceFeed {

    private final List<BigDecimal> prices;

    private CsvReplay(List<BigDecimal> prices) {
        this.prices = List.copyOf(prices);
    }

    static CsvReplay load(Path file, BigDecimal tickSize) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new TradevaultException(Outcome.BAD_USAGE, "the price file " + file + " does not exist",
                    "check paper.feed.csv-file", e);
        } catch (IOException e) {
            throw new TradevaultException(Outcome.BAD_USAGE, "cannot read the price file " + file + ": " + e,
                    "check paper.feed.csv-file", e);
        }
        List<BigDecimal> prices = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            parse(file, lines.get(i), i + 1, prices.isEmpty() && i == 0).ifPresent(
                    p -> prices.add(p.divide(tickSize, 0, RoundingMode.HALF_EVEN).multiply(tickSize).max(tickSize)));
        }
        if (prices.isEmpty()) {
            throw new TradevaultException(Outcome.BAD_USAGE, "the price file " + file + " holds no prices",
                    "put one price per line (the last column of each line is the price)");
        }
        return new CsvReplay(prices);
    }

    private static Optional<BigDecimal> parse(Path file, String line, int number, boolean mayBeHeader) {
        String trimmed = line.trim();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        String[] columns = trimmed.split("[,;\\t]");
        try {
            BigDecimal price = new BigDecimal(columns[columns.length - 1].trim());
            if (price.signum() <= 0) {
                throw new NumberFormatException();
            }
            return Optional.of(price);
        } catch (NumberFormatException e) {
            if (mayBeHeader) {
                return Optional.empty();
            }
            throw new TradevaultException(Outcome.BAD_USAGE, "the price file " + file + " line " + number
                    + " has no positive price in its last column: " + trimmed, "fix or remove that line");
        }
    }

    @Override
    public BigDecimal next(String symbol, BigDecimal last, long tick) {
        return EightDecimals.plain(prices.get((int) Math.floorMod(tick, (long) prices.size())));
    }
}
