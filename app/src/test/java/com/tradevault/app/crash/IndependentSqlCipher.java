package com.tradevault.app.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Opens a ledger in a SQLCipher 4 reader we did not write: Zetetic's SQLCipher,
 * as the {@code @signalapp/sqlcipher} build in {@code app/src/test/node}
 * ({@code sqlcipher-reader.cjs}). The key goes in on stdin, never in an argument.
 *
 * @param cipher    the reader's {@code PRAGMA cipher_version}
 * @param integrity its {@code PRAGMA integrity_check}
 * @param counts    the row count of every table
 */
record IndependentSqlCipher(String cipher, String integrity, Map<String, Long> counts) {

    private static final Path NODE_DIR = Path.of("src/test/node").toAbsolutePath();

    /** Reads {@code ledger} with the key text {@code key} (e.g. {@code x'..64 hex digits..'}). */
    static IndependentSqlCipher read(Path ledger, String key) throws IOException, InterruptedException {
        Process node = new ProcessBuilder("node", "sqlcipher-reader.cjs", ledger.toString()).directory(NODE_DIR.toFile())
                .redirectErrorStream(true).start();
        try (OutputStream in = node.getOutputStream()) {
            in.write(key.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!node.waitFor(60, TimeUnit.SECONDS) || node.exitValue() != 0) {
            throw new IOException("the SQLCipher reader failed on " + ledger + ": " + out);
        }
        JsonNode json = new ObjectMapper().readTree(out);
        Map<String, Long> counts = new TreeMap<>();
        json.get("counts").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return new IndependentSqlCipher(json.get("cipher").asText(), json.get("integrity").asText(), counts);
    }
}
