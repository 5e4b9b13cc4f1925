package com.tradevault.app.exchange.binance;

import com.tradevault.app.exchange.CredentialsRejected;
import com.tradevault.app.exchange.ExchangeException;
import com.tradevault.app.exchange.ExchangeUnavailable;
import com.tradevault.app.exchange.NoSuchOrder;
import com.tradevault.app.exchange.OrderRejected;
import com.tradevault.app.exchange.OrderRejected.Reason;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a Binance error answer {@code {"code":..,"msg":..}} into the port's
 * typed failure (errors.md). The matching engine's refusals (-1010, -1013,
 * -2010, -2011) share their codes, so the reason is read from the message:
 * an order type the symbol does not allow or a permission the account lacks
 * is permanent; a balance locked elsewhere or a price band that moves with
 * the market is not. "Execution status unknown" (-1006, -1007) never comes
 * here: the transport turns it into an unknown outcome.
 */
final class ErrorMapping {

    /** Messages of errors.md, lower-cased fragments, and what they mean; first match wins. */
    private static final List<Map.Entry<String, Reason>> MESSAGES = List.of(
            Map.entry("insufficient balance", Reason.INSUFFICIENT_BALANCE),
            Map.entry("duplicate order", Reason.DUPLICATE_CLIENT_ORDER_ID),
            Map.entry("would trigger immediately", Reason.WOULD_TRIGGER_IMMEDIATELY),
            Map.entry("orders are not supported for this symbol", Reason.ORDER_TYPE_NOT_SUPPORTED),
            Map.entry("are not support for this symbol", Reason.ORDER_TYPE_NOT_SUPPORTED),
            Map.entry("cancel-replace is not supported", Reason.ORDER_TYPE_NOT_SUPPORTED),
            Map.entry("unsupported order combination", Reason.ORDER_TYPE_NOT_SUPPORTED),
            Map.entry("action is disabled on this account", Reason.NOT_PERMITTED),
            Map.entry("may not place or cancel orders", Reason.NOT_PERMITTED),
            Map.entry("symbol is not permitted for this account", Reason.NOT_PERMITTED),
            Map.entry("symbol is restricted for this account", Reason.NOT_PERMITTED),
            Map.entry("trading is not enabled", Reason.NOT_PERMITTED),
            Map.entry("price * qty is zero or less", Reason.MIN_NOTIONAL),
            Map.entry("filter failure: price_filter", Reason.PRICE_FILTER),
            Map.entry("filter failure: percent_price", Reason.PERCENT_PRICE),
            Map.entry("filter failure: lot_size", Reason.LOT_SIZE),
            Map.entry("filter failure: market_lot_size", Reason.LOT_SIZE),
            Map.entry("filter failure: min_notional", Reason.MIN_NOTIONAL),
            Map.entry("filter failure: notional", Reason.MIN_NOTIONAL));

    private static final Set<Integer> CREDENTIALS = Set.of(BinanceErrors.UNAUTHORIZED,
            BinanceErrors.INVALID_SIGNATURE, BinanceErrors.BAD_API_KEY_FORMAT, BinanceErrors.REJECTED_MBX_KEY);
    private static final Set<Integer> TRY_LATER = Set.of(BinanceErrors.DISCONNECTED, BinanceErrors.TOO_MANY_REQUESTS,
            BinanceErrors.SERVER_BUSY, BinanceErrors.TOO_MANY_ORDERS, BinanceErrors.SERVICE_SHUTTING_DOWN);

    private ErrorMapping() {
    }

    static ExchangeException map(String what, int code, String msg) {
        String text = what + " refused by the venue: " + msg + " (" + code + ")";
        if (isNoSuchOrder(code, msg)) {
            return new NoSuchOrder(text);
        }
        if (CREDENTIALS.contains(code)) {
            return new CredentialsRejected(code, text + "; check TRADEVAULT_EXCHANGE_API_KEY and"
                    + " TRADEVAULT_EXCHANGE_API_SECRET (or exchange.credentials-file), the key's IP whitelist and"
                    + " that it may trade Spot");
        }
        if (TRY_LATER.contains(code)) {
            return new ExchangeUnavailable(text + "; nothing was executed, try again later", Optional.empty(), null);
        }
        if (code == BinanceErrors.INVALID_TIMESTAMP) {
            return new ExchangeUnavailable(text + "; the clock offset to the venue was measured again and the request"
                    + " retried once: check the system clock (NTP)", Optional.empty(), null);
        }
        return new OrderRejected(reason(code, msg), code, msg);
    }

    /** -2013 on a lookup, -2011 "Unknown order sent." on a cancel, -2026 for an archived order. */
    private static boolean isNoSuchOrder(int code, String msg) {
        return code == BinanceErrors.NO_SUCH_ORDER || code == BinanceErrors.ORDER_ARCHIVED
                || code == BinanceErrors.CANCEL_REJECTED && msg.toLowerCase(Locale.ROOT).contains("unknown order");
    }

    static Reason reason(int code, String msg) {
        if (code == BinanceErrors.BAD_SYMBOL) {
            return Reason.UNKNOWN_SYMBOL;
        }
        if (code == BinanceErrors.INVALID_ORDER_TYPE || code == BinanceErrors.UNKNOWN_ORDER_COMPOSITION) {
            return Reason.ORDER_TYPE_NOT_SUPPORTED;
        }
        String m = msg.toLowerCase(Locale.ROOT);
        return MESSAGES.stream().filter(e -> m.contains(e.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse(Reason.OTHER);
    }
}
