package com.tradevault.core.db.sqlite;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * A connection whose {@code prepareStatement(sql)} hands out a statement kept
 * from an earlier call with the same SQL when one is free, and keeps it again
 * when the caller closes it (parameters, batch and result cleared). sqlite-jdbc
 * has no statement cache of its own and compiles every statement anew. A
 * statement whose use threw is not kept: it is closed, as without reuse.
 * Used by one thread at a time (the writer, under its lock).
 */
final class ReusingConnection implements InvocationHandler {

    private static final int KEPT_AT_MOST = 64;

    private final Connection target;
    private final Map<String, ArrayDeque<PreparedStatement>> free = new HashMap<>();
    private int kept;
    private Connection self;

    private ReusingConnection(Connection target) {
        this.target = target;
    }

    static Connection over(Connection target) {
        ReusingConnection handler = new ReusingConnection(target);
        handler.self = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
        return handler.self;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "prepareStatement":
                return method.getParameterCount() == 1 ? lend((String) args[0]) : forward(target, method, args);
            case "close":
                closeKeptQuietly();
                return forward(target, method, args);
            default:
                return forward(target, method, args);
        }
    }

    private PreparedStatement lend(String sql) throws SQLException {
        PreparedStatement statement = takeFree(sql);
        return Lent.of(this, sql, statement == null ? target.prepareStatement(sql) : statement);
    }

    /** A kept statement for {@code sql} that is still open (a caller may have closed one through unwrap), or null. */
    private PreparedStatement takeFree(String sql) throws SQLException {
        ArrayDeque<PreparedStatement> kind = free.get(sql);
        while (kind != null && !kind.isEmpty()) {
            PreparedStatement statement = kind.poll();
            kept--;
            if (!statement.isClosed()) {
                return statement;
            }
        }
        return null;
    }

    /** Takes a statement back from its caller: kept for the next caller when it is clean. */
    private void takeBack(String sql, PreparedStatement statement, ResultSet lastResult, boolean failed) {
        try {
            if (lastResult != null) {
                lastResult.close();
            }
            if (!failed && kept < KEPT_AT_MOST && !target.isClosed()) {
                statement.clearParameters();
                statement.clearBatch();
                free.computeIfAbsent(sql, k -> new ArrayDeque<>()).push(statement);
                kept++;
                return;
            }
        } catch (SQLException e) {
            // a statement that cannot be cleared is not worth keeping: closed below
        }
        closeQuietly(statement);
    }

    private void closeKeptQuietly() {
        free.values().forEach(kind -> kind.forEach(ReusingConnection::closeQuietly));
        free.clear();
        kept = 0;
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // closing the connection finalizes it anyway
        }
    }

    private static Object forward(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** One caller's use of a kept statement, until that caller closes it. */
    private static final class Lent implements InvocationHandler {
        private final ReusingConnection owner;
        private final String sql;
        private final PreparedStatement statement;
        private ResultSet lastResult;
        private boolean failed;
        private boolean closed;

        private Lent(ReusingConnection owner, String sql, PreparedStatement statement) {
            this.owner = owner;
            this.sql = sql;
            this.statement = statement;
        }

        static PreparedStatement of(ReusingConnection owner, String sql, PreparedStatement statement) {
            return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, new Lent(owner, sql, statement));
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return statement.toString();
                case "isClosed":
                    return closed;
                case "getConnection":
                    return owner.self;
                case "close":
                    giveBack();
                    return null;
                default:
                    return use(method, args);
            }
        }

        private void giveBack() {
            if (!closed) {
                closed = true;
                owner.takeBack(sql, statement, lastResult, failed);
            }
        }

        private Object use(Method method, Object[] args) throws Throwable {
            if (closed) {
                throw new SQLException("statement is closed: " + sql);
            }
            try {
                Object result = forward(statement, method, args);
                if (result instanceof ResultSet rows) {
                    lastResult = rows;
                }
                return result;
            } catch (Throwable e) {
                failed = true;
                throw e;
            }
        }
    }
}
