package com.tradevault.app.ledger.jdbc;

import com.tradevault.app.ledger.jdbc.Statements.At;
import java.time.Instant;
import java.util.Optional;

/** The ledger's {@code kv} table on one connection: read a value, write (insert or replace) one. */
record KeyValues(Statements sql) {

    Optional<String> value(String key) {
        return sql.one("SELECT value FROM kv WHERE key = ?", r -> r.getString(1), key);
    }

    void put(String key, String value, Instant at) {
        sql.update("INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE"
                + " SET value = excluded.value, updated_at = excluded.updated_at", key, value, new At(at));
    }
}
