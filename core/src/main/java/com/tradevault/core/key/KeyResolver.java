package com.tradevault.core.key;

import com.tradevault.core.OwnerOnly;
import com.tradevault.core.config.DbSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the database key. Sources, first match wins: the systemd credential
 * {@code $CREDENTIALS_DIRECTORY/db-key}; the key file ({@code TRADEVAULT_DB_KEY_FILE}
 * or {@code db.key-file}); the environment variable {@code TRADEVAULT_DB_KEY};
 * the key file that {@code setup-db} generates ({@code $XDG_CONFIG_HOME/tradevault/db.key}).
 */
public final class KeyResolver {

    static final String ENV_KEY = "TRADEVAULT_DB_KEY";
    static final String CREDENTIAL_NAME = "db-key";

    private final Map<String, String> env;

    public KeyResolver(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The configured key, if any source has one. */
    public Optional<ResolvedKey> resolve(DbSettings settings) {
        Optional<Path> credential = env("CREDENTIALS_DIRECTORY").map(d -> Path.of(d, CREDENTIAL_NAME))
                .filter(Files::exists);
        if (credential.isPresent()) {
            return Optional.of(read(credential.get(), "systemd credential " + credential.get(), false));
        }
        if (settings.keyFile().isPresent()) {
            Path file = settings.keyFile().get();
            if (!Files.exists(file)) {
                throw new KeyProblem("key file " + file + " does not exist",
                        "check db.key-file / TRADEVAULT_DB_KEY_FILE, or restore the key file from your safe copy");
            }
            return Optional.of(read(file, "key file " + file, true));
        }
        Optional<String> fromEnv = env(ENV_KEY);
        if (fromEnv.isPresent()) {
            return Optional.of(parsed(fromEnv.get().trim(), "environment variable " + ENV_KEY));
        }
        Path generated = defaultKeyFile();
        return Files.exists(generated) ? Optional.of(read(generated, "key file " + generated, true)) : Optional.empty();
    }

    /** Where {@code setup-db} puts a key it generates: outside the data directory, in the user's config home. */
    public Path defaultKeyFile() {
        Path configHome = env("XDG_CONFIG_HOME").map(Path::of)
                .orElseGet(() -> Path.of(env("HOME").orElse(System.getProperty("user.home")), ".config"));
        return configHome.resolve("tradevault").resolve("db.key");
    }

    /** Generates a random raw key into {@link #defaultKeyFile()} with mode 0600 and returns it. */
    public ResolvedKey generateDefault() {
        return writeNewKeyFile(defaultKeyFile(), DbKey.generate());
    }

    /** Writes {@code key} to a new file {@code file} (mode 0600, atomically); refuses to overwrite. */
    static ResolvedKey writeNewKeyFile(Path file, DbKey key) {
        if (Files.exists(file)) {
            throw new KeyProblem("key file " + file + " already exists; refusing to overwrite a key",
                    "move it away yourself if it is really not needed any more");
        }
        try {
            OwnerOnly.createFolders(file.toAbsolutePath().getParent());
            OwnerOnly.writeAtomically(file, key.revealFileText());
        } catch (IOException e) {
            throw new KeyProblem("cannot write key file " + file + ": " + e.getMessage(),
                    "make sure the folder " + file.getParent() + " is writable, or configure a key source yourself");
        }
        return new ResolvedKey(key, "key file " + file);
    }

    /** Reads a key file, refusing one that group or others can read. */
    public static ResolvedKey read(Path file, String source, boolean checkMode) {
        if (Files.isDirectory(file)) {
            throw new KeyProblem(source + " is a directory, not a file holding the key",
                    "point the key source at the key file itself, e.g. " + file.resolve("db.key"));
        }
        if (checkMode) {
            refuseLoosePermissions(file);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KeyProblem("cannot read " + source + ": " + e.getClass().getSimpleName(),
                    "make sure the service user owns it and can read it");
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new KeyProblem(source + " is empty", "put the key back from your safe copy");
        }
        return parsed(trimmed, source);
    }

    /** A key file that is not used, read only to compare it; one that cannot be read is left out of the comparison. */
    private static Optional<ResolvedKey> readQuietly(Path file) {
        try {
            return Optional.of(read(file, "key file " + file, false));
        } catch (KeyProblem unreadable) {
            return Optional.empty();
        }
    }

    /** Parses key text, refusing text that looks like a raw hex key but is not one (it would silently be a passphrase). */
    static ResolvedKey parsed(String text, String source) {
        if (text.matches("(?i)(x')?[0-9a-f]{48,80}'?") && !DbKey.parse(text).isRaw()) {
            int digits = text.replaceAll("(?i)[^0-9a-f]|^x", "").length();
            throw new KeyProblem(source + " holds " + digits + " hex digits: it looks like a raw key, but a raw key"
                    + " has exactly 64, so it would be taken as a passphrase and open nothing",
                    "put the whole key back from your safe copy (64 hex digits), or use a passphrase that is not"
                            + " all hex digits");
        }
        return new ResolvedKey(DbKey.parse(text), source);
    }

    /**
     * The key sources that are set but not used because a source before them
     * wins, and whose key differs from the one used: {@code config check} names them.
     */
    public java.util.List<String> ignoredSources(DbSettings settings) {
        Optional<ResolvedKey> used = resolve(settings);
        if (used.isEmpty()) {
            return java.util.List.of();
        }
        java.util.List<ResolvedKey> others = new java.util.ArrayList<>();
        if (settings.keyFile().isPresent() && Files.isRegularFile(settings.keyFile().get())) {
            readQuietly(settings.keyFile().get()).ifPresent(others::add);
        }
        env(ENV_KEY).ifPresent(v -> others.add(new ResolvedKey(DbKey.parse(v.trim()), "environment variable " + ENV_KEY)));
        return others.stream().filter(k -> !k.source().equals(used.get().source()))
                .filter(k -> !k.key().equals(used.get().key())).map(ResolvedKey::source).toList();
    }

    private static void refuseLoosePermissions(Path file) {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (IOException | UnsupportedOperationException e) {
            return;
        }
        boolean loose = perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
        if (loose) {
            throw new KeyProblem("key file " + file + " is readable by group or others (mode "
                    + PosixFilePermissions.toString(perms) + ")", "run: chmod 600 " + file);
        }
    }

    private Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }
}
