package com.tradevault.app.exchange.paper.server;

/** An error answer in Binance's form: an HTTP status and the body {@code {"code":..,"msg":..}}. */
final class ApiError extends RuntimeException {

    final int httpStatus;
    final int code;

    ApiError(int httpStatus, int code, String msg) {
        super(msg, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    static ApiError badRequest(int code, String msg) {
        return new ApiError(400, code, msg);
    }
}
