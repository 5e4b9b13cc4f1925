package com.tradevault.app.cli;

import com.tradevault.app.exchange.ExchangeSettings;
import com.tradevault.app.exchange.paper.server.PaperControl;
import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import com.tradevault.core.config.SettingsReader;
import java.net.URI;
import picocli.CommandLine.Option;

/** The {@code --url} of a running paper exchange; defaults to {@code exchange.url} / TRADEVAULT_EXCHANGE_URL. */
final class PaperControlOptions {

    @Option(names = "--url", paramLabel = "URL",
            description = "Base URL of a running 'paper-exchange serve' (default: exchange.url).")
    URI url;

    PaperControl control(CommandContext context, CommonOptions common) {
        if (url != null) {
            return new PaperControl(url);
        }
        SettingsReader reader = new SettingsReader(context.config(common));
        ExchangeSettings settings = ExchangeSettings.read(reader);
        reader.throwIfProblems();
        return new PaperControl(settings.url().orElseThrow(() -> new TradevaultException(Outcome.BAD_USAGE,
                "no paper exchange URL given", "pass --url http://127.0.0.1:PORT, or set TRADEVAULT_EXCHANGE_URL")));
    }
}
