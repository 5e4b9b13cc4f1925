package com.tradevault.core.key;

import com.tradevault.core.SecretText;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A database key: either a raw 256-bit key (written as 64 hex digits, which
 * skips SQLCipher's key derivation at every open) or a passphrase. It cannot
 * be printed: {@link #toString()} is redacted, and the material leaves this
 * class only through the {@code reveal…} methods that the driver and key files
 * need, and every form of it is registered with {@link SecretText} so that no
 * message echoing it is ever shown.
 */
public final class DbKey {

    private static final Pattern RAW = Pattern.compile("(?i)(?:x'([0-9a-f]{64})'|([0-9a-f]{64}))");

    private final byte[] raw;
    private final byte[] passphrase;

    private DbKey(byte[] raw, byte[] passphrase) {
        this.raw = raw;
        this.passphrase = passphrase;
        // known before it can reach the driver, so that no message that echoes it is ever shown
        SecretText.register(revealForSqlcipher());
        SecretText.register(revealFileText().strip());
    }

    /** Parses key text: 64 hex digits (optionally as {@code x'…'}) is a raw key, anything else a passphrase. */
    public static DbKey parse(String text) {
        var m = RAW.matcher(text);
        if (m.matches()) {
            String hex = m.group(1) != null ? m.group(1) : m.group(2);
            return new DbKey(HexFormat.of().parseHex(hex), null);
        }
        return new DbKey(null, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh random raw key. */
    static DbKey generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new DbKey(bytes, null);
    }

    public boolean isRaw() {
        return raw != null;
    }

    /** The raw key bytes, for the driver only. */
    public byte[] revealRaw() {
        return raw.clone();
    }

    /** The key as SQLCipher's {@code PRAGMA key} understands it: {@code x'…'} for raw keys, else the passphrase. */
    public String revealForSqlcipher() {
        return isRaw() ? "x'" + HexFormat.of().formatHex(raw) + "'" : new String(passphrase, StandardCharsets.UTF_8);
    }

    /** The text a key file holds for this key. */
    String revealFileText() {
        return isRaw() ? HexFormat.of().formatHex(raw) + "\n" : new String(passphrase, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DbKey k && Arrays.equals(raw, k.raw) && Arrays.equals(passphrase, k.passphrase);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw) * 31 + Arrays.hashCode(passphrase);
    }

    @Override
    public String toString() {
        return isRaw() ? "DbKey[raw, redacted]" : "DbKey[passphrase, redacted]";
    }
}
