package com.tradevault.app.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where API credentials come from, and that they never print. */
class ApiCredentialsTest {

    @TempDir
    Path dir;

    @Test
    void theEnvironmentWinsOverTheFile() throws Exception {
        Path file = credentialsFile("api-key = file-key\napi-secret = file-secret\n", "rw-------");
        ApiCredentials c = ApiCredentials.require(Map.of(ApiCredentials.KEY_VARIABLE, "env-key",
                ApiCredentials.SECRET_VARIABLE, "env-secret"), Optional.of(file));
        assertEquals("env-key", c.apiKey());
        assertArrayEquals("env-secret".getBytes(StandardCharsets.UTF_8), c.secret());
        assertEquals("environment (TRADEVAULT_EXCHANGE_API_KEY)", c.source());
    }

    @Test
    void theFileIsReadWhenTheEnvironmentHasNone() throws Exception {
        Path file = credentialsFile("# testnet account\napi-key = file-key\napi-secret = file-secret\n", "rw-------");
        ApiCredentials c = ApiCredentials.require(Map.of(), Optional.of(file));
        assertEquals("file-key", c.apiKey());
        assertEquals("file " + file, c.source());
    }

    @Test
    void aFileOthersCanReadIsRefused() throws Exception {
        Path file = credentialsFile("api-key = k\napi-secret = s\n", "rw-r--r--");
        TradevaultException e = assertThrows(TradevaultException.class,
                () -> ApiCredentials.require(Map.of(), Optional.of(file)));
        assertEquals(Outcome.BAD_USAGE, e.outcome());
        assertEquals("credentials file " + file + " can be read by other users", e.getMessage());
        assertEquals("run 'chmod 600 " + file + "'", e.nextStep());
    }

    @Test
    void missingCredentialsSayWhatToSet() {
        TradevaultException e = assertThrows(TradevaultException.class,
                () -> ApiCredentials.require(Map.of(ApiCredentials.KEY_VARIABLE, "only-key"), Optional.empty()));
        assertEquals("no exchange API credentials found", e.getMessage());
        assertEquals("set TRADEVAULT_EXCHANGE_API_KEY and TRADEVAULT_EXCHANGE_API_SECRET, or"
                + " exchange.credentials-file", e.nextStep());
    }

    @Test
    void toStringShowsNeitherKeyNorSecret() {
        String text = new ApiCredentials("my-api-key", "my-api-secret", "environment").toString();
        assertEquals("ApiCredentials[from environment, key and secret hidden]", text);
        assertFalse(text.contains("my-api"));
    }

    private Path credentialsFile(String text, String perms) throws Exception {
        Path file = dir.resolve("exchange.credentials");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
        return file;
    }
}
