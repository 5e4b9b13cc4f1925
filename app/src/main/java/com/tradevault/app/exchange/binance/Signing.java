package com.tradevault.app.exchange.binance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Binance's request signature: HMAC-SHA256 (JCA) of the request's total
 * parameters (query string followed by body) under the API secret, as lower-case
 * hex in the {@code signature} parameter.
 */
public final class Signing {

    private Signing() {
    }

    /** The hex signature of {@code totalParams}. */
    public static String sign(byte[] secret, String totalParams) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(totalParams.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this Java runtime", e);
        }
    }

    /** Whether {@code signature} signs {@code totalParams}, compared in constant time. */
    public static boolean verify(byte[] secret, String totalParams, String signature) {
        byte[] expected = sign(secret, totalParams).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }
}
