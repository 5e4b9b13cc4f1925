package com.tradevault.app.exchange;

import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An exchange account's API key and secret. They come from
 * {@code TRADEVAULT_EXCHANGE_API_KEY} / {@code TRADEVAULT_EXCHANGE_API_SECRET},
 * else from the credentials file ({@code exchange.credentials-file}: lines
 * {@code api-key = ...} and {@code api-secret = ...}, readable by its owner
 * only); never from the command line. {@link #toString()} shows neither.
 */
public final class ApiCredentials {

    public static final String KEY_VARIABLE = "TRADEVAULT_EXCHANGE_API_KEY";
    public static final String SECRET_VARIABLE = "TRADEVAULT_EXCHANGE_API_SECRET";

    private final String apiKey;
    private final byte[] secret;
    private final String source;

    public ApiCredentials(String apiKey, String secret, String source) {
        this.apiKey = apiKey;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.source = source;
    }

    /** The credentials from the environment, else from the file, if either has both values. */
    public static Optional<ApiCredentials> find(Map<String, String> env, Optional<Path> credentialsFile) {
        String key = env.getOrDefault(KEY_VARIABLE, "").trim();
        String secret = env.getOrDefault(SECRET_VARIABLE, "").trim();
        if (!key.isEmpty() && !secret.isEmpty()) {
            return Optional.of(new ApiCredentials(key, secret, "environment (" + KEY_VARIABLE + ")"));
        }
        return credentialsFile.map(ApiCredentials::fromFile);
    }

    /** Like {@link #find} but failing with what to set when there are none. */
    public static ApiCredentials require(Map<String, String> env, Optional<Path> credentialsFile) {
        return find(env, credentialsFile).orElseThrow(() -> new TradevaultException(Outcome.BAD_USAGE,
                "no exchange API credentials found",
                "set " + KEY_VARIABLE + " and " + SECRET_VARIABLE + ", or exchange.credentials-file"));
    }

    private static ApiCredentials fromFile(Path file) {
        try {
            refuseIfOthersCanRead(file);
            String key = "";
            String secret = "";
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] kv = line.split("=", 2);
                if (kv.length == 2 && kv[0].trim().equals("api-key")) {
                    key = kv[1].trim();
                } else if (kv.length == 2 && kv[0].trim().equals("api-secret")) {
                    secret = kv[1].trim();
                }
            }
            if (key.isEmpty() || secret.isEmpty()) {
                throw new TradevaultException(Outcome.BAD_USAGE, "credentials file " + file
                        + " lacks an 'api-key = ...' or 'api-secret = ...' line", "add both lines");
            }
            return new ApiCredentials(key, secret, "file " + file);
        } catch (IOException e) {
            throw new TradevaultException(Outcome.BAD_USAGE, "cannot read the credentials file " + file + ": "
                    + e.getMessage(), "check exchange.credentials-file", e);
        }
    }

    private static void refuseIfOthersCanRead(Path file) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
            throw new TradevaultException(Outcome.BAD_USAGE, "credentials file " + file
                    + " can be read by other users", "run 'chmod 600 " + file + "'");
        }
    }

    public String apiKey() {
        return apiKey;
    }

    /** The secret's bytes (a copy), for signing only. */
    public byte[] secret() {
        return secret.clone();
    }

    /** Where the credentials came from, for messages. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "ApiCredentials[from " + source + ", key and secret hidden]";
    }
}
