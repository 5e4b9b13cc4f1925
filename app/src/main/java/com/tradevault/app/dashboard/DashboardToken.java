package com.tradevault.app.dashboard;

import com.tradevault.core.OwnerOnly;
import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The dashboard's access token: 32 random bytes generated on first start
 * into {@code <data-dir>/dashboard.token} (mode 0600) and kept across
 * restarts, so a bookmarked address keeps working. {@link #toString} never
 * shows it; only {@link #reveal} does, for the address printed on a terminal.
 */
public final class DashboardToken {

    /** The token file's name in the data directory. */
    public static final String FILE_NAME = "dashboard.token";

    private final String value;

    private DashboardToken(String value) {
        this.value = value;
    }

    /** Reads the token from {@code dataDir}, generating it there on first use. */
    public static DashboardToken loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                OwnerOnly.restrict(file);
                String text = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (text.length() >= 32) {
                    return new DashboardToken(text);
                }
            }
            DashboardToken token = new DashboardToken(generate());
            OwnerOnly.writeAtomically(file, token.value + "\n");
            return token;
        } catch (IOException e) {
            throw new TradevaultException(Outcome.FAILURE, "cannot read or create the dashboard token " + file + " ("
                    + e.getMessage() + ")", "give the user running tradevault write access to " + dataDir, e);
        }
    }

    private static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code offered} is this token, compared in constant time. */
    public boolean matches(String offered) {
        return offered != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                offered.getBytes(StandardCharsets.UTF_8));
    }

    /** The token itself: only for the address printed on the owner's terminal, never for a log. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "DashboardToken(redacted)";
    }
}
