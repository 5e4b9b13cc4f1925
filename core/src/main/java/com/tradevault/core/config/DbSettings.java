package com.tradevault.core.config;

import com.tradevault.core.db.Dialect;
import com.tradevault.core.db.sqlite.SqliteFile;
import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How to reach and open the ledger, read once from the configuration.
 *
 * @param dataDir      folder of the ledger and working files
 * @param url          JDBC URL; never holds a key (keys come from {@code KeyResolver}); printed redacted
 * @param encryption   whether the SQLite ledger is encrypted
 * @param keyFile      the configured key file, if any
 * @param busyTimeout  how long to wait for another connection's lock
 * @param user         PostgreSQL user, if set
 * @param passwordFile PostgreSQL password file, if set
 * @param poolSize     PostgreSQL pool size
 */
public record DbSettings(Path dataDir, DatabaseUrl url, boolean encryption, Optional<Path> keyFile,
                         Duration busyTimeout, Optional<String> user, Optional<Path> passwordFile,
                         int poolSize) {

    public static final String DEFAULT_FILE_NAME = "tradevault.db";

    /** Reads the {@code data-dir} and {@code db} settings, collecting problems in {@code reader}. */
    public static DbSettings read(SettingsReader reader) {
        Path dataDir = reader.optionalPath("data-dir").orElse(Path.of("data")).toAbsolutePath().normalize();
        String url = reader.string("db.url").trim();
        if (url.isEmpty()) {
            url = new SqliteFile(dataDir.resolve(DEFAULT_FILE_NAME)).url();
        } else if (!Dialect.supports(url)) {
            reader.problem("db.url", "must start with jdbc:sqlite: or jdbc:postgresql:", url);
        }
        String user = reader.string("db.user").trim();
        return new DbSettings(dataDir, DatabaseUrl.of(url), reader.onOff("db.encryption"),
                reader.optionalPath("db.key-file").map(p -> p.toAbsolutePath().normalize()),
                reader.durationBetween("db.busy-timeout", Duration.ofMillis(1), Duration.ofHours(1)),
                user.isEmpty() ? Optional.empty() : Optional.of(user),
                reader.optionalPath("db.password-file"),
                reader.intBetween("db.pool-size", 1, 64));
    }

    /** Reads and checks the settings, failing with every problem at once. */
    public static DbSettings from(Config config) {
        SettingsReader reader = new SettingsReader(config);
        DbSettings settings = read(reader);
        reader.throwIfProblems();
        return settings;
    }

    public DbSettings withUrl(String newUrl) {
        return new DbSettings(dataDir, DatabaseUrl.of(newUrl), encryption, keyFile, busyTimeout, user, passwordFile, poolSize);
    }

    /** These settings with a pool of at least {@code connections} (for tools that read in parallel). */
    public DbSettings withPoolOfAtLeast(int connections) {
        return new DbSettings(dataDir, url, encryption, keyFile, busyTimeout, user, passwordFile,
                Math.max(poolSize, connections));
    }

    public DbSettings withEncryption(boolean on) {
        return new DbSettings(dataDir, url, on, keyFile, busyTimeout, user, passwordFile, poolSize);
    }

    /** {@code url} with any password parameter or user-info password hidden, for messages and logs. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("(//[^/:@]+:)[^@/]*@", "$1***@");
    }
}
