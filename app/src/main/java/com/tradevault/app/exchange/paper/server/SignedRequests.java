package com.tradevault.app.exchange.paper.server;

import com.tradevault.app.exchange.ApiCredentials;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a signed endpoint's request as Binance does: the API key header, the
 * timestamp within recvWindow (default 5000 ms, at most 60000; at most 1000 ms
 * ahead of the server), and the HMAC-SHA256 signature of the total parameters.
 */
final class SignedRequests {

    private static final long DEFAULT_RECV_WINDOW = 5000;

    private final ApiCredentials account;
    private final Clock clock;

    SignedRequests(ApiCredentials account, Clock clock) {
        this.account = account;
        this.clock = clock;
    }

    void check(ApiRequest request) {
        String key = request.apiKey().orElseThrow(
                () -> new ApiError(401, Codes.BAD_API_KEY_FORMAT, "API-key format invalid."));
        if (!MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
                account.apiKey().getBytes(StandardCharsets.UTF_8))) {
            throw new ApiError(401, Codes.REJECTED_MBX_KEY, "Invalid API-key, IP, or permissions for action.");
        }
        long timestamp = request.number("timestamp").orElseThrow(() -> ApiError.badRequest(
                Codes.MANDATORY_PARAM,
                "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed."));
        long recvWindow = request.number("recvWindow").orElse(DEFAULT_RECV_WINDOW);
        if (recvWindow > 60_000) {
            throw ApiError.badRequest(Codes.INVALID_RECV_WINDOW, "recvWindow must be less than 60000");
        }
        String signature = request.required("signature");
        String signed = request.totalParams().replaceFirst("(^|&)signature=[^&]*", "");
        if (!MessageDigest.isEqual(hmac(signed).getBytes(StandardCharsets.US_ASCII),
                signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw ApiError.badRequest(Codes.INVALID_SIGNATURE, "Signature for this request is not valid.");
        }
        checkTimestamp(timestamp, recvWindow);
    }

    /** HMAC-SHA256 of the total parameters with the account's secret, as lower-case hex. */
    private String hmac(String totalParams) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(account.secret(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(totalParams.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this Java runtime", e);
        }
    }

    private void checkTimestamp(long timestamp, long recvWindow) {
        long now = clock.millis();
        if (timestamp > now + 1000) {
            throw ApiError.badRequest(Codes.INVALID_TIMESTAMP,
                    "Timestamp for this request was 1000ms ahead of the server's time.");
        }
        if (now - timestamp > recvWindow) {
            throw ApiError.badRequest(Codes.INVALID_TIMESTAMP, "Timestamp for this request is outside of the recvWindow.");
        }
    }
}
