package com.tradevault.app.cli;

import com.tradevault.core.config.ConfigLoader;
import com.tradevault.core.config.DbSettings;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tradevault config show}: the effective configuration, secrets redacted. */
@Command(name = "show", description = "Print the effective configuration (defaults, file, environment), secrets redacted.")
final class ConfigShowCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    ConfigShowCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Config config = context.config(common);
        Config redacted = config.withValue("db.url",
                ConfigValueFactory.fromAnyRef(DbSettings.redact(config.getString("db.url"))));
        Config ours = redacted.withOnlyPath("data-dir");
        for (String section : ConfigLoader.reference().root().keySet()) {
            if (!section.equals("data-dir")) {
                ours = ours.withFallback(redacted.withOnlyPath(section));
            }
        }
        spec.commandLine().getOut().println(ours.root().render(ConfigRenderOptions.defaults()
                .setOriginComments(false).setComments(false).setJson(false).setFormatted(true)));
        spec.commandLine().getOut().println("# the database key is never shown; 'tradevault status' says where it comes from");
        return 0;
    }
}
