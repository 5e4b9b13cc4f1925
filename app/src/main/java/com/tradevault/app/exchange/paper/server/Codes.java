package com.tradevault.app.exchange.paper.server;

/** The Binance Spot error codes and fixed messages the paper server answers with (errors.md). */
final class Codes {

    static final int UNKNOWN = -1000;
    static final int DISCONNECTED = -1001;
    static final int TOO_MANY_REQUESTS = -1003;
    static final int TOO_MANY_ORDERS = -1015;
    static final int UNSUPPORTED_OPERATION = -1020;
    static final int INVALID_TIMESTAMP = -1021;
    static final int INVALID_SIGNATURE = -1022;
    static final int ILLEGAL_CHARS = -1100;
    static final int MANDATORY_PARAM = -1102;
    static final int BAD_PARAMETER = -1104;
    static final int PARAM_NOT_REQUIRED = -1106;
    static final int INVALID_SIDE = -1117;
    static final int INVALID_ORDER_TYPE = -1116;
    static final int BAD_INTERVAL = -1120;
    static final int BAD_SYMBOL = -1121;
    static final int OPTIONAL_PARAMS_BAD_COMBO = -1128;
    static final int INVALID_RECV_WINDOW = -1131;
    static final int INVALID_CANCEL_RESTRICTIONS = -1145;
    static final int CANCEL_REJECTED = -2011;
    static final int NO_SUCH_ORDER = -2013;
    static final int BAD_API_KEY_FORMAT = -2014;
    static final int REJECTED_MBX_KEY = -2015;
    static final int CANCEL_REPLACE_PARTIALLY_FAILED = -2021;
    static final int CANCEL_REPLACE_FAILED = -2022;

    static final String INTERNAL_MESSAGE = "Internal error; unable to process your request. Please try again.";

    private Codes() {
    }

    static ApiError mandatory(String name) {
        return ApiError.badRequest(MANDATORY_PARAM, "Mandatory parameter '" + name
                + "' was not sent, was empty/null, or malformed.");
    }

    static ApiError notRequired(String name) {
        return ApiError.badRequest(PARAM_NOT_REQUIRED, "Parameter '" + name + "' sent when not required.");
    }

    static ApiError illegal(String name, String legalRange) {
        return ApiError.badRequest(ILLEGAL_CHARS, "Illegal characters found in parameter '" + name
                + "'; legal range is '" + legalRange + "'.");
    }
}
