package com.tradevault.core.testing;

import com.tradevault.core.config.ConfigLoader;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.BundledMigrations;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.SettingUpDatabase;
import com.tradevault.core.key.KeyResolver;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

/** Settings and environments for tests: a ledger in a temp dir, a key in the environment, no real home. */
public final class TestLedgers {

    /** A raw test key (64 hex digits). */
    public static final String KEY_HEX = "2dd29ca851e7b56e4697b0e1f08507293d761a05ce4d1b628663f411a8086d99";

    private TestLedgers() {
    }

    /** The newest schema version this bundle ships, read from the migrations on the class path. */
    public static int latestSchemaVersion() {
        return schemaVersions().stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    /**
     * Every schema version this bundle ships, oldest first. Versions are assigned to features ahead of
     * time, so a branch may skip some (V7 without V4..V6).
     */
    public static List<Integer> schemaVersions() {
        return BundledMigrations.at("classpath:db/migration/sqlite")
                .orElseThrow(() -> new IllegalStateException("cannot list the migrations")).stream()
                .map(BundledMigrations.Migration::version).toList();
    }

    /** A new ledger in {@code dir}, encrypted under {@link #KEY_HEX}, set up as setup-db does, and open. */
    public static Database newEncryptedLedger(Path dir) {
        Map<String, String> env = env(dir, "TRADEVAULT_DB_KEY", KEY_HEX);
        OpeningDatabases opening = new OpeningDatabases(settings(env), new KeyResolver(env));
        new SettingUpDatabase(opening, Clock.systemUTC()).run();
        return opening.openExisting();
    }

    /** An environment whose HOME and XDG_CONFIG_HOME are inside {@code dir}, with {@code extra} added. */
    public static Map<String, String> env(Path dir, String... extra) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", dir.resolve("home").toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("home/.config").toString());
        env.put("TRADEVAULT_DATA_DIR", dir.resolve("data").toString());
        for (int i = 0; i + 1 < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    /** The settings for an environment, as the command line would read them. */
    public static DbSettings settings(Map<String, String> env, String... configLines) {
        var loaded = new ConfigLoader(env, ConfigLoader.DATABASE_OVERRIDES).load(java.util.Optional.empty());
        return DbSettings.from(ConfigFactory.parseString(String.join("\n", configLines)).withFallback(loaded));
    }
}
