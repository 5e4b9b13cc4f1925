package com.tradevault.app.exchange.binance;

/** Binance Spot error codes (errors.md) this project speaks (server side) and maps to typed failures (client side). */
public final class BinanceErrors {

    public static final int UNKNOWN = -1000;
    public static final int DISCONNECTED = -1001;
    public static final int UNAUTHORIZED = -1002;
    public static final int TOO_MANY_REQUESTS = -1003;
    /** "Execution status unknown." */
    public static final int UNEXPECTED_RESPONSE = -1006;
    /** "Timeout waiting for response from backend server. Send status unknown; execution status unknown." */
    public static final int TIMEOUT = -1007;
    public static final int SERVER_BUSY = -1008;
    public static final int FILTER_FAILURE = -1013;
    public static final int UNKNOWN_ORDER_COMPOSITION = -1014;
    public static final int TOO_MANY_ORDERS = -1015;
    public static final int SERVICE_SHUTTING_DOWN = -1016;
    public static final int INVALID_TIMESTAMP = -1021;
    public static final int INVALID_SIGNATURE = -1022;
    public static final int ILLEGAL_CHARS = -1100;
    public static final int MANDATORY_PARAM = -1102;
    public static final int BAD_PARAMETER = -1104;
    public static final int PARAM_NOT_REQUIRED = -1106;
    public static final int INVALID_ORDER_TYPE = -1116;
    public static final int BAD_INTERVAL = -1120;
    public static final int BAD_SYMBOL = -1121;
    public static final int INVALID_RECV_WINDOW = -1131;
    public static final int NEW_ORDER_REJECTED = -2010;
    public static final int CANCEL_REJECTED = -2011;
    public static final int NO_SUCH_ORDER = -2013;
    public static final int BAD_API_KEY_FORMAT = -2014;
    public static final int REJECTED_MBX_KEY = -2015;
    /** Cancel-replace: one of the cancel and the new order failed. */
    public static final int CANCEL_REPLACE_PARTIALLY_FAILED = -2021;
    /** Cancel-replace: both failed (or, under STOP_ON_FAILURE, the cancel failed and nothing was placed). */
    public static final int CANCEL_REPLACE_FAILED = -2022;
    public static final int ORDER_ARCHIVED = -2026;

    public static final String INTERNAL_MESSAGE = "Internal error; unable to process your request. Please try again.";
    public static final String SIGNATURE_MESSAGE = "Signature for this request is not valid.";
    public static final String RECV_WINDOW_MESSAGE = "Timestamp for this request is outside of the recvWindow.";

    private BinanceErrors() {
    }
}
