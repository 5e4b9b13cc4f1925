package com.tradevault.app.exchange;

/**
 * How much of the venue's request-weight limit this IP has used in the
 * current window (Binance {@code X-MBX-USED-WEIGHT-1M} against the
 * {@code REQUEST_WEIGHT} limit of exchangeInfo {@code rateLimits}).
 *
 * @param window e.g. {@code 1M} for one minute, as the venue's header names it
 * @param limit  the limit of that window, 0 when the venue has not said it yet
 */
public record RequestWeight(int used, int limit, String window) {
}
