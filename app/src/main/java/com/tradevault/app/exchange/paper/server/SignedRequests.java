package com.tradevault.app.exchange.paper.server;

import com.tradevault.app.exchange.ApiCredentials;
import com.tradevault.app.exchange.binance.BinanceErrors;
import com.tradevault.app.exchange.binance.Signing;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

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
                () -> new ApiError(401, BinanceErrors.BAD_API_KEY_FORMAT, "API-key format invalid."));
        if (!MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
                account.apiKey().getBytes(StandardCharsets.UTF_8))) {
            throw new ApiError(401, BinanceErrors.REJECTED_MBX_KEY, "Invalid API-key, IP, or permissions for action.");
        }
        long timestamp = request.number("timestamp").orElseThrow(() -> ApiError.badRequest(
                BinanceErrors.MANDATORY_PARAM,
                "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed."));
        long recvWindow = request.number("recvWindow").orElse(DEFAULT_RECV_WINDOW);
        if (recvWindow > 60_000) {
            throw ApiError.badRequest(BinanceErrors.INVALID_RECV_WINDOW, "recvWindow must be less than 60000");
        }
        String signature = request.required("signature");
        String signed = request.totalParams().replaceFirst("(^|&)signature=[^&]*", "");
        if (!Signing.verify(account.secret(), signed, signature)) {
            throw ApiError.badRequest(BinanceErrors.INVALID_SIGNATURE, BinanceErrors.SIGNATURE_MESSAGE);
        }
        checkTimestamp(timestamp, recvWindow);
    }

    private void checkTimestamp(long timestamp, long recvWindow) {
        long now = clock.millis();
        if (timestamp > now + 1000) {
            throw ApiError.badRequest(BinanceErrors.INVALID_TIMESTAMP,
                    "Timestamp for this request was 1000ms ahead of the server's time.");
        }
        if (now - timestamp > recvWindow) {
            throw ApiError.badRequest(BinanceErrors.INVALID_TIMESTAMP, BinanceErrors.RECV_WINDOW_MESSAGE);
        }
    }
}
