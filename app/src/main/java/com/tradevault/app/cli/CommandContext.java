package com.tradevault.app.cli;

import com.tradevault.backup.BackupKeys;
import com.tradevault.backup.BackupSettings;
import com.tradevault.setup.config.ConfigLoader;
import com.tradevault.setup.config.DbSettings;
import com.tradevault.setup.db.OpeningDatabases;
import com.tradevault.setup.key.KeyResolver;
import com.typesafe.config.Config;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * What commands share: the process environment, the clock, and the wiring
 * from configuration to the objects that do the work. Only this edge sees
 * {@link Config}.
 */
final class CommandContext {

    /** Environment overrides of the app module, added to the database ones. */
    static final Map<String, String> APP_OVERRIDES = Map.of("TRADEVAULT_EXCHANGE_URL", "exchange.url");

    private final Map<String, String> env;
    private final Clock clock;

    CommandContext(Map<String, String> env, Clock clock) {
        this.env = Map.copyOf(env);
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    Map<String, String> env() {
        return env;
    }

    Config config(CommonOptions options) {
        Map<String, String> overrides = new HashMap<>(ConfigLoader.DATABASE_OVERRIDES);
        overrides.putAll(APP_OVERRIDES);
        overrides.putAll(BackupSettings.ENV_OVERRIDES);
        return new ConfigLoader(env, overrides).load(options.configFile());
    }

    KeyResolver keys() {
        return new KeyResolver(env);
    }

    OpeningDatabases databases(CommonOptions options) {
        return new OpeningDatabases(DbSettings.from(config(options)), keys());
    }

    BackupSettings backupSettings(CommonOptions options) {
        Config config = config(options);
        return BackupSettings.from(config, DbSettings.from(config));
    }

    BackupKeys backupKeys(BackupSettings settings) {
        return new BackupKeys(settings, keys(), env);
    }
}
