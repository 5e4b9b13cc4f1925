package com.tradevault.app.exchange.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.tradevault.app.exchange.CredentialsRejected;
import com.tradevault.app.exchange.ExchangeUnavailable;
import com.tradevault.app.exchange.NoSuchOrder;
import com.tradevault.app.exchange.OrderRejected;
import com.tradevault.app.exchange.OrderRejected.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The refusals errors.md documents, each mapped to the reason it means and whether asking again can help. */
class ErrorMappingTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "-2010|Account has insufficient balance for requested action.|INSUFFICIENT_BALANCE|false",
            "-2010|Duplicate order sent.|DUPLICATE_CLIENT_ORDER_ID|false",
            "-2010|Order would trigger immediately.|WOULD_TRIGGER_IMMEDIATELY|false",
            "-1013|Stop loss orders are not supported for this symbol.|ORDER_TYPE_NOT_SUPPORTED|true",
            "-2010|Stop loss limit orders are not supported for this symbol.|ORDER_TYPE_NOT_SUPPORTED|true",
            "-2010|Market orders are not supported for this symbol.|ORDER_TYPE_NOT_SUPPORTED|true",
            "-2010|Trailing stop orders are not supported for this symbol.|ORDER_TYPE_NOT_SUPPORTED|true",
            "-2010|Order cancel-replace is not supported for this symbol.|ORDER_TYPE_NOT_SUPPORTED|true",
            "-2010|Quote order qty market orders are not support for this symbol.|ORDER_TYPE_NOT_SUPPORTED|true",
            "-1014|Unsupported order combination.|ORDER_TYPE_NOT_SUPPORTED|true",
            "-1116|Invalid orderType.|ORDER_TYPE_NOT_SUPPORTED|true",
            "-2010|This action is disabled on this account.|NOT_PERMITTED|true",
            "-2010|This account may not place or cancel orders.|NOT_PERMITTED|true",
            "-2010|This symbol is not permitted for this account.|NOT_PERMITTED|true",
            "-2010|This symbol is restricted for this account.|NOT_PERMITTED|true",
            "-2010|Rest API trading is not enabled.|NOT_PERMITTED|true",
            "-1013|Filter failure: PRICE_FILTER|PRICE_FILTER|true",
            "-1013|Filter failure: PERCENT_PRICE|PERCENT_PRICE|false",
            "-1013|Filter failure: PERCENT_PRICE_BY_SIDE|PERCENT_PRICE|false",
            "-1013|Filter failure: LOT_SIZE|LOT_SIZE|true",
            "-1013|Filter failure: MARKET_LOT_SIZE|LOT_SIZE|true",
            "-1013|Filter failure: MIN_NOTIONAL|MIN_NOTIONAL|true",
            "-1013|Filter failure: NOTIONAL|MIN_NOTIONAL|true",
            "-2010|Price * QTY is zero or less.|MIN_NOTIONAL|true",
            "-1013|Filter failure: MAX_NUM_ALGO_ORDERS|OTHER|false",
            "-2010|Market is closed.|OTHER|false",
            "-2010|Order would immediately match and take.|OTHER|false",
            "-2011|Order was not canceled due to cancel restrictions.|OTHER|false",
            "-1121|Invalid symbol.|UNKNOWN_SYMBOL|true"})
    void aDocumentedRefusalIsMappedToItsReason(int code, String msg, Reason reason, boolean permanent) {
        OrderRejected e = assertInstanceOf(OrderRejected.class, ErrorMapping.map("POST /api/v3/order", code, msg));
        assertEquals(reason, e.reason());
        assertEquals(permanent, e.reason().permanent());
        assertEquals(code, e.code());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "-2013|Order does not exist.|NoSuchOrder",
            "-2011|Unknown order sent.|NoSuchOrder",
            "-2026|Order was canceled or expired with no executed qty over 90 days ago and has been archived.|NoSuchOrder",
            "-2015|Invalid API-key, IP, or permissions for action.|CredentialsRejected",
            "-2014|API-key format invalid.|CredentialsRejected",
            "-1022|Signature for this request is not valid.|CredentialsRejected",
            "-1002|You are not authorized to execute this request.|CredentialsRejected",
            "-1003|Too many requests queued.|ExchangeUnavailable",
            "-1008|Server is currently overloaded with other requests. Please try again in a few minutes.|ExchangeUnavailable",
            "-1015|Too many new orders.|ExchangeUnavailable",
            "-1016|This service is no longer available.|ExchangeUnavailable"})
    void aDocumentedNonRefusalIsItsOwnKindOfFailure(int code, String msg, String kind) {
        Class<?> expected = switch (kind) {
            case "NoSuchOrder" -> NoSuchOrder.class;
            case "CredentialsRejected" -> CredentialsRejected.class;
            default -> ExchangeUnavailable.class;
        };
        assertInstanceOf(expected, ErrorMapping.map("DELETE /api/v3/order", code, msg));
    }
}
