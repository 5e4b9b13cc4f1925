package com.tradevault.core.key;

/**
 * A key together with where it came from, so messages can name the source
 * (never the key).
 *
 * @param key    the key
 * @param source a description such as {@code key file /etc/tradevault/credentials/db-key}
 */
public record ResolvedKey(DbKey key, String source) {
}
