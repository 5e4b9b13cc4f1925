package com.tradevault.app.exchange.binance;

import com.tradevault.app.exchange.CredentialsRejected;
import com.tradevault.app.exchange.ExchangeException;
import com.tradevault.app.exchange.ExchangeUnavailable;
import com.tradevault.app.exchange.NoSuchOrder;
import com.tradevault.app.exchange.OrderRejected;
import com.tradevault.app.exchange.OrderRejected.Reason;
import java.util.Locale;
import java.util.Optional;

/** Turns a Binance error answer {@code {"code":..,"msg":..}} into the port's typed failure. */
final class ErrorMapping {

    private ErrorMapping() {
    }

    static ExchangeException map(String what, int code, String msg) {
        String text = what + " refused by the venue: " + msg + " (" + code + ")";
        return switch (code) {
            case BinanceErrors.NO_SUCH_ORDER, BinanceErrors.CANCEL_REJECTED -> new NoSuchOrder(text);
            case BinanceErrors.INVALID_SIGNATURE, BinanceErrors.BAD_API_KEY_FORMAT, BinanceErrors.REJECTED_MBX_KEY ->
                    new CredentialsRejected(code, text + "; check TRADEVAULT_EXCHANGE_API_KEY and"
                            + " TRADEVAULT_EXCHANGE_API_SECRET (or exchange.credentials-file)");
            case BinanceErrors.INVALID_TIMESTAMP -> new ExchangeUnavailable(text + "; the clock offset to the venue"
                    + " is re-measured on the next request", Optional.empty(), null);
            default -> new OrderRejected(reason(code, msg), code, msg);
        };
    }

    private static Reason reason(int code, String msg) {
        String m = msg.toLowerCase(Locale.ROOT);
        if (code == BinanceErrors.BAD_SYMBOL) {
            return Reason.UNKNOWN_SYMBOL;
        }
        if (code == BinanceErrors.FILTER_FAILURE) {
            return m.contains("lot_size") ? Reason.LOT_SIZE : m.contains("price_filter") ? Reason.PRICE_FILTER
                    : m.contains("notional") ? Reason.MIN_NOTIONAL : Reason.OTHER;
        }
        if (code == BinanceErrors.NEW_ORDER_REJECTED) {
            return m.contains("insufficient balance") ? Reason.INSUFFICIENT_BALANCE
                    : m.contains("duplicate order") ? Reason.DUPLICATE_CLIENT_ORDER_ID
                    : m.contains("trigger immediately") ? Reason.WOULD_TRIGGER_IMMEDIATELY : Reason.OTHER;
        }
        return Reason.OTHER;
    }
}
