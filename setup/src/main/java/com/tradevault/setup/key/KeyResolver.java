package com.tradevault.setup.key;

import com.tradevault.setup.AtomicFiles;
import com.tradevault.setup.config.DbSettings;
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

    public static final String ENV_KEY = "TRADEVAULT_DB_KEY";
    public static final String CREDENTIAL_NAME = "db-key";

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
            return Optional.of(new ResolvedKey(DbKey.parse(fromEnv.get().trim()), "environment variable " + ENV_KEY));
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
    public static ResolvedKey writeNewKeyFile(Path file, DbKey key) {
        if (Files.exists(file)) {
            throw new KeyProblem("key file " + file + " already exists; refusing to overwrite a key",
                    "move it away yourself if it is really not needed any more");
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            AtomicFiles.write(file, temp -> {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(temp, key.revealFileText(), StandardCharsets.UTF_8);
            });
        } catch (IOException e) {
            throw new KeyProblem("cannot write key file " + file + ": " + e.getMessage(),
                    "make sure the folder " + file.getParent() + " is writable, or configure a key source yourself");
        }
        return new ResolvedKey(key, "key file " + file);
    }

    /** Reads a key file, refusing one that group or others can read. */
    public static ResolvedKey read(Path file, String source, boolean checkMode) {
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
        return new ResolvedKey(DbKey.parse(trimmed), source);
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
