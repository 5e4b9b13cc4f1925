package com.tradevault.app.exchange.binance;

import com.tradevault.app.exchange.ApiCredentials;
import com.tradevault.app.exchange.ExchangeSettings;
import com.tradevault.app.exchange.paper.PaperExchange;
import com.tradevault.app.exchange.paper.PaperFixture;
import com.tradevault.app.exchange.paper.server.PaperControl;
import com.tradevault.app.exchange.paper.server.PaperServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** A real paper exchange server on a free local port, and adapters pointed at it. */
final class PaperVenue implements AutoCloseable {

    static final ApiCredentials ACCOUNT = new ApiCredentials("test-api-key", "test-api-secret", "test");

    final PaperExchange engine;
    final PaperServer server;
    final PaperControl control;

    /** @param settings paper settings keys and values over {@link PaperFixture#settings}'s */
    PaperVenue(Path dir, String... settings) {
        engine = PaperExchange.open(PaperFixture.settings(dir, settings), Clock.systemUTC());
        server = PaperServer.start(engine, ACCOUNT, Clock.systemUTC(), new InetSocketAddress("127.0.0.1", 0));
        control = new PaperControl(server.url());
    }

    BinanceExchange adapter() {
        return adapter(ACCOUNT, Clock.systemUTC(), Duration.ofSeconds(5));
    }

    BinanceExchange adapter(ApiCredentials credentials, Clock clock, Duration timeout) {
        ExchangeSettings settings = new ExchangeSettings(Optional.of(server.url()), Optional.empty(),
                Duration.ofSeconds(5), timeout, 3, Duration.ofMillis(20));
        return new BinanceExchange(server.url(), Optional.of(credentials), settings, clock);
    }

    @Override
    public void close() {
        server.close();
        engine.close();
    }
}
