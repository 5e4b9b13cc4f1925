package com.tradevault.core.db;

import com.tradevault.core.config.DbSettings;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.key.ResolvedKey;
import java.util.Optional;

/**
 * Opens the configured ledger with the configured key: the one place that
 * puts settings, key sources and the dialect together.
 */
public final class OpeningDatabases {

    private final DbSettings settings;
    private final KeyResolver keys;
    private final Dialect dialect;

    public OpeningDatabases(DbSettings settings, KeyResolver keys) {
        this.settings = settings;
        this.keys = keys;
        this.dialect = Dialect.forUrl(settings.url().reveal());
    }

    public Dialect dialect() {
        return dialect;
    }

    public DbSettings settings() {
        return settings;
    }

    /** The configured key, if encryption applies and a source has one. */
    public Optional<ResolvedKey> key() {
        if (!settings.encryption() || !dialect.supportsEncryption()) {
            return Optional.empty();
        }
        return keys.resolve(settings);
    }

    /** Opens a ledger that must already exist. */
    public Database openExisting() {
        return dialect.open(settings, key(), false);
    }

    /**
     * A database opened for {@code setup-db}, and the key generated for it
     * when there was none.
     */
    public record Created(Database database, Optional<ResolvedKey> generatedKey) {
    }

    /** Opens the ledger, creating it (and generating a key, if none is configured) when missing. */
    public Created openOrCreate() {
        Optional<ResolvedKey> key = key();
        Optional<ResolvedKey> generated = Optional.empty();
        if (key.isEmpty() && settings.encryption() && dialect.supportsEncryption() && !dialect.exists()) {
            generated = Optional.of(keys.generateDefault());
            key = generated;
        }
        return new Created(dialect.open(settings, key, true), generated);
    }
}
