package com.tradevault.app.alerts;

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
 * A channel's secret (the webhook's signing key, the bot token, the SMTP
 * password). It comes from the systemd credential of its name in
 * {@code $CREDENTIALS_DIRECTORY} when the unit loads one, else from the file the
 * configuration names (readable by its owner only); never from the
 * configuration itself. {@link #toString()} hides it.
 */
public final class Secret {

    private final String value;
    private final String source;

    private Secret(String value, String source) {
        this.value = value;
        this.source = source;
    }

    /**
     * Reads the secret: the credential {@code credentialName} if the unit
     * loaded it, else {@code file}.
     *
     * @param key the configuration key naming the file, for messages
     */
    public static Secret read(Map<String, String> env, String credentialName, Path file, String key) {
        Optional<Path> credential = Optional.ofNullable(env.get("CREDENTIALS_DIRECTORY"))
                .map(d -> Path.of(d, credentialName)).filter(Files::isReadable);
        return credential.map(c -> load(c, "systemd credential " + credentialName, key, false))
                .orElseGet(() -> load(file, "file " + file, key, true));
    }

    private static Secret load(Path file, String source, String key, boolean ownerOnly) {
        try {
            if (ownerOnly) {
                refuseIfOthersCanRead(file, key);
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (text.isEmpty()) {
                throw new TradevaultException(Outcome.BAD_USAGE, key + ": the " + source + " is empty",
                        "write the secret into it (one line)");
            }
            return new Secret(text, source);
        } catch (IOException e) {
            throw new TradevaultException(Outcome.BAD_USAGE, key + ": cannot read the " + source + " ("
                    + e.getClass().getSimpleName() + ")", "check that " + key
                    + " names a file the service user can read", e);
        }
    }

    private static void refuseIfOthersCanRead(Path file, String key) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
            throw new TradevaultException(Outcome.BAD_USAGE, key + ": " + file + " can be read by other users",
                    "run 'chmod 600 " + file + "'");
        }
    }

    /** The secret itself, for signing or authenticating only. */
    public String reveal() {
        return value;
    }

    /** Replaces every occurrence of the secret in {@code text}, for messages built from a library's error. */
    public String hideIn(String text) {
        return text == null ? "" : text.replace(value, "<hidden>");
    }

    @Override
    public String toString() {
        return "Secret[from " + source + ", hidden]";
    }
}
