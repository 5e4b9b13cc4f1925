package com.tradevault.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The one place that removes secrets from text bound for a user or a log.
 * Every database key handed to the driver is registered here first; any
 * message (a driver's, SQLite's, ours) is scrubbed of every registered secret
 * in its plain and URI-encoded forms, and of anything shaped like a key
 * ({@code key=…} URI parameters, {@code x'…'} blobs), before it is shown.
 * {@link TradevaultException} scrubs its message, next step and causes through it.
 */
public final class SecretText {

    static final String REDACTED = "[redacted]";

    /** A URI key parameter (key, hexkey, rekey, textkey…) up to its end. */
    private static final Pattern KEY_PARAMETER =
            Pattern.compile("(?i)((?:hex|text|re)?key=)[^&'\"\\s)]+");
    /** A blob literal, the form raw keys take in pragmas and URIs. */
    private static final Pattern BLOB = Pattern.compile("(?i)x'[0-9a-f]*'");
    /** Secrets shorter than this are not matched verbatim: they would scrub ordinary words. */
    private static final int SHORTEST_MATCHED = 4;

    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    private SecretText() {
    }

    /** Remembers {@code secret} so that no scrubbed text ever contains it; returns it unchanged. */
    public static String register(String secret) {
        if (secret != null && secret.length() >= SHORTEST_MATCHED) {
            KNOWN.add(secret);
            KNOWN.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        }
        return secret;
    }

    /** {@code text} with every secret it carries replaced by {@code [redacted]}. */
    static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = BLOB.matcher(text).replaceAll(REDACTED);
        out = KEY_PARAMETER.matcher(out).replaceAll("$1" + REDACTED);
        for (String secret : KNOWN) {
            out = out.replace(secret, REDACTED);
        }
        return out;
    }

    /**
     * {@code failure} itself when nothing in its chain carries a secret, else a
     * copy of the chain with scrubbed messages and the same stack traces.
     */
    public static Throwable scrub(Throwable failure) {
        if (failure == null || !carriesSecret(failure)) {
            return failure;
        }
        Throwable copy = new ScrubbedFailure(failure.getClass().getName(), scrub(failure.getMessage()),
                scrub(failure.getCause()));
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    private static boolean carriesSecret(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.equals(scrub(message))) {
                return true;
            }
        }
        return false;
    }

    /** A failure whose message had a secret in it: keeps the original type's name and the trace. */
    private static final class ScrubbedFailure extends Exception {
        private final String type;

        ScrubbedFailure(String type, String message, Throwable cause) {
            super(message, cause);
            this.type = type;
        }

        @Override
        public String toString() {
            return getMessage() == null ? type : type + ": " + getMessage();
        }
    }
}
