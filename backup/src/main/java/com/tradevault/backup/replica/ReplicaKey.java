package com.tradevault.backup.replica;

import com.tradevault.core.key.DbKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that authenticates replica files: HMAC-SHA256 keyed with a key
 * derived from the database key (itself an HMAC of a fixed label under the
 * database key), so the replica never holds the database key or anything that
 * reveals it, and only a holder of the database key can make or check a tag.
 */
final class ReplicaKey {

    private static final String LABEL = "tradevault replica authentication v1";
    static final int TAG = 32;

    private final byte[] key;

    private ReplicaKey(byte[] key) {
        this.key = key;
    }

    /** Derives the replica key from the database key. */
    public static ReplicaKey derivedFrom(DbKey db) {
        byte[] material = db.isRaw() ? db.revealRaw() : db.revealForSqlcipher().getBytes(StandardCharsets.UTF_8);
        return new ReplicaKey(hmac(material, LABEL.getBytes(StandardCharsets.US_ASCII)));
    }

    /** A fresh MAC under this key, for files too large to hold in memory. */
    Mac newMac() {
        return mac(key);
    }

    byte[] tag(byte[] data, int length) {
        Mac mac = mac(key);
        mac.update(data, 0, length);
        return mac.doFinal();
    }

    boolean verify(byte[] data, int length, byte[] tag) {
        return MessageDigest.isEqual(tag(data, length), tag);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        return mac(key).doFinal(data);
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
        }
    }

    @Override
    public String toString() {
        return "ReplicaKey[redacted]";
    }
}
