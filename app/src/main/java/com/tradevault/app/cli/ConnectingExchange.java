package com.tradevault.app.cli;

import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.exchange.paper.PaperExchange;
import com.tradevault.app.exchange.paper.PaperSettings;
import com.tradevault.setup.Outcome;
import com.tradevault.setup.TradevaultException;
import com.tradevault.setup.config.SettingsReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Chooses and opens the exchange the bot trades on: the in-process paper
 * exchange (ticking on its own thread) when {@code exchange.url} is empty.
 */
final class ConnectingExchange {

    private ConnectingExchange() {
    }

    /** The configured venue's settings, read and checked against the bot's symbols. */
    record Choice(String url, PaperSettings paper) {
    }

    static Choice read(SettingsReader reader, Path dataDir, List<String> botSymbols) {
        String url = reader.string("exchange.url").trim();
        PaperSettings paper = PaperSettings.read(reader, dataDir);
        if (url.isEmpty() && !paper.symbols().containsAll(botSymbols)) {
            reader.problem("bot.symbols", "must be among paper.symbols (" + String.join(", ", paper.symbols())
                    + ") when trading on the in-process paper exchange", "");
        }
        return new Choice(url, paper);
    }

    /** Opens the venue; the caller closes what it returns. */
    static Exchange open(Choice choice, Clock clock) {
        if (!choice.url().isEmpty()) {
            throw new TradevaultException(Outcome.BAD_USAGE, "exchange.url is set to " + choice.url()
                    + " but this build has no REST exchange adapter yet",
                    "unset exchange.url / TRADEVAULT_EXCHANGE_URL to trade on the in-process paper exchange");
        }
        PaperExchange paper = PaperExchange.open(choice.paper(), clock);
        paper.startTicker();
        return paper;
    }

    static void close(Exchange exchange) {
        if (exchange instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the exchange failed: " + e.getMessage(), e);
            }
        }
    }
}
