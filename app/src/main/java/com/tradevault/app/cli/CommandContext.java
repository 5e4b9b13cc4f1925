package com.tradevault.app.cli;

import com.tradevault.backup.BackupCatalog;
import com.tradevault.backup.BackupKeys;
import com.tradevault.backup.BackupSettings;
import com.tradevault.backup.replica.ReplicaSettings;
import com.tradevault.core.config.ConfigLoader;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.DatabaseProblem;
import com.tradevault.core.db.Dialect;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import com.typesafe.config.Config;
import java.nio.file.Path;
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
    /** The options of the command running now, so that a failure can name its ledger and backups. */
    private CommonOptions current = new CommonOptions();

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
        current = options;
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

    ReplicaSettings replicaSettings(CommonOptions options) {
        return ReplicaSettings.from(config(options));
    }

    BackupKeys backupKeys(BackupSettings settings) {
        return new BackupKeys(settings, keys(), env);
    }

    /** The configured ledger's location, for messages; a placeholder when the configuration cannot be read. */
    String ledgerLocation() {
        try {
            return Dialect.forUrl(DbSettings.from(config(current)).url().reveal()).location();
        } catch (RuntimeException e) {
            return "the ledger";
        }
    }

    /** The exact command that restores the newest backup in {@code backup.dir} (each was verified when taken). */
    String restoreStep() {
        String config = current.configFile().map(f -> " --config " + f.toAbsolutePath()).orElse("");
        try {
            Path dir = backupSettings(current).dir();
            return new BackupCatalog(dir).list().stream().findFirst()
                    .map(b -> "stop the bot, then restore the newest backup (verified when it was taken): 'tradevault"
                            + " restore " + b.file() + config + "' (docs/backup-restore.md)")
                    .orElse("there is no backup in " + dir + ": restore one from your off-site copy with 'tradevault"
                            + " restore FILE" + config + "' (docs/backup-restore.md)");
        } catch (RuntimeException e) {
            return DatabaseProblem.RESTORE_STEP;
        }
    }
}
