package com.tradevault.app.bot;

import com.tradevault.app.exchange.Exchange;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A real exchange with a test's own step around every call: the step sees the
 * method and its arguments, and either answers itself or lets the call through
 * ({@link Call#proceed()}), before or after doing what it tests (hang, count,
 * move the price). What the exchange throws reaches the caller as thrown.
 */
final class ExchangeAround {

    /** The step around one call. */
    @FunctionalInterface
    interface Step {
        Object around(Method method, Object[] args, Call call) throws Throwable;
    }

    /** The call itself, made on the real exchange. */
    @FunctionalInterface
    interface Call {
        Object proceed() throws Throwable;
    }

    private ExchangeAround() {
    }

    static Exchange of(Exchange target, Step step) {
        return (Exchange) Proxy.newProxyInstance(Exchange.class.getClassLoader(), new Class<?>[] {Exchange.class},
                (proxy, method, args) -> step.around(method, args, () -> {
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }
}
