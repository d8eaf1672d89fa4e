package com.careerai.platform.data;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A checked-out connection whose tenant binding has not been written yet: the binding goes to the
 * server in the same round trip as the connection's first statement instead of in one of its own
 * (ADR 0058). The first {@code prepareStatement(sql)} in auto-commit becomes
 * {@code SELECT set_config('careerai.university_id', ?, false); sql} — pgjdbc sends both parts with
 * one Sync, in one implicit transaction, the binding first — and its caller sees only {@code sql}:
 * its parameters are shifted by one, the binding's result is skipped.
 *
 * <p>Anything else that could reach the server before that (another kind of statement, a
 * transaction begun, a savepoint, metadata, an unwrap to the driver) first writes the binding in a
 * round trip of its own, as every check-out did before. So no statement can run on this connection
 * with the binding of its last borrower, and none unbound when it should be bound.
 */
final class BindingWithFirstStatement implements InvocationHandler {
    private static final String BINDING = "SELECT set_config('" + TenantBoundDataSource.SETTING + "', ?, false); ";
    /**
     * Connection methods that send no SQL, or none a binding could change: they may run before the
     * binding. {@code createArrayOf} at most reads the catalog for its element type (pgjdbc knows the
     * built-in ones without asking); a statement's array parameter is made with it before the
     * statement runs, and writing the binding alone for it cost each such page a round trip.
     */
    private static final Set<String> NO_SQL = Set.of(
            "close",
            "createArrayOf",
            "isClosed",
            "getAutoCommit",
            "isReadOnly",
            "setReadOnly",
            "getWarnings",
            "clearWarnings",
            "isWrapperFor",
            "getHoldability",
            "setHoldability",
            "getNetworkTimeout",
            "setNetworkTimeout",
            "abort");

    private final Connection connection;
    private final String wanted;
    private final Binder binder;
    private Connection self;
    private boolean pending = true;

    /** What writes and remembers the binding ({@link TenantBoundDataSource}). */
    interface Binder {
        /** Writes {@code wanted} on {@code connection} in a statement (and round trip) of its own. */
        void writeAlone(Connection connection, String wanted) throws SQLException;

        /**
         * {@code wanted} went to the server with a statement that succeeded; true when it outlives
         * that statement (committed, not inside a transaction a rollback could still undo).
         */
        boolean sentWithStatement(Connection connection, String wanted) throws SQLException;
    }

    private BindingWithFirstStatement(Connection connection, String wanted, Binder binder) {
        this.connection = connection;
        this.wanted = wanted;
        this.binder = binder;
    }

    /** {@code connection} (in auto-commit), to be bound to {@code wanted} with its first statement. */
    static Connection of(Connection connection, String wanted, Binder binder) {
        BindingWithFirstStatement handler = new BindingWithFirstStatement(connection, wanted, binder);
        handler.self = (Connection)
                Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
        return handler.self;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, method, args);
        }
        String name = method.getName();
        if (name.equals("unwrap") && ((Class<?>) args[0]).isInstance(proxy)) {
            return proxy;
        }
        if (pending) {
            if (name.equals("prepareStatement") && args.length == 1 && connection.getAutoCommit()) {
                return Combined.of(this, (String) args[0]);
            }
            boolean autoCommitOn = name.equals("setAutoCommit") && Boolean.TRUE.equals(args[0]);
            if (!autoCommitOn && !NO_SQL.contains(name)) {
                // Before a transaction begins too: a binding written inside one would end with its rollback.
                writeAlone();
            }
        }
        return forward(connection, method, args);
    }

    private void writeAlone() throws SQLException {
        if (pending) {
            binder.writeAlone(connection, wanted);
            pending = false;
        }
    }

    private void sentWithStatement() throws SQLException {
        if (binder.sentWithStatement(connection, wanted)) {
            pending = false;
        }
    }

    /**
     * A statement prepared while the binding was pending: the binding and the caller's SQL in one
     * statement, as long as it is used as a plain prepared query or update; used any other way
     * (batches, metadata, the driver's own type) it turns into the caller's SQL alone, behind a
     * binding written on its own.
     */
    private static final class Combined implements InvocationHandler {
        /** Statement methods the combined statement answers as the caller's alone would (after the skip). */
        private static final Set<String> FORWARDED = Set.of(
                "close",
                "isClosed",
                "getResultSet",
                "getUpdateCount",
                "getLargeUpdateCount",
                "getMoreResults",
                "getWarnings",
                "clearWarnings",
                "getFetchSize",
                "getFetchDirection",
                "getMaxRows",
                "getLargeMaxRows",
                "getMaxFieldSize",
                "getQueryTimeout",
                "getResultSetType",
                "getResultSetConcurrency",
                "getResultSetHoldability",
                "isPoolable",
                "isCloseOnCompletion",
                "closeOnCompletion",
                "cancel");

        private final BindingWithFirstStatement owner;
        private final String sql;
        private final PreparedStatement combined;
        /** What the caller set (parameters at their own index), to replay on the SQL alone. */
        private final Map<String, Object[]> settings = new LinkedHashMap<>();

        private final Map<String, Method> setters = new LinkedHashMap<>();
        private PreparedStatement alone;

        private Combined(BindingWithFirstStatement owner, String sql, PreparedStatement combined) {
            this.owner = owner;
            this.sql = sql;
            this.combined = combined;
        }

        static PreparedStatement of(BindingWithFirstStatement owner, String sql) throws SQLException {
            PreparedStatement combined = owner.connection.prepareStatement(BINDING + sql);
            combined.setString(1, owner.wanted);
            return (PreparedStatement) Proxy.newProxyInstance(
                    PreparedStatement.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class},
                    new Combined(owner, sql, combined));
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, args);
            }
            String name = method.getName();
            if (name.equals("getConnection")) {
                return owner.self;
            }
            if (name.equals("unwrap") && ((Class<?>) args[0]).isInstance(proxy)) {
                return proxy;
            }
            if (name.equals("close")) {
                if (alone != null) {
                    alone.close();
                }
                combined.close();
                return null;
            }
            if (alone != null) {
                return forward(alone, method, args);
            }
            int parameters = method.getParameterCount();
            if (parameters == 0
                    && (name.equals("executeQuery")
                            || name.equals("executeUpdate")
                            || name.equals("executeLargeUpdate")
                            || name.equals("execute"))) {
                return execute(name);
            }
            if (name.equals("clearParameters")) {
                combined.clearParameters();
                combined.setString(1, owner.wanted);
                settings.keySet().removeIf(key -> key.startsWith("?"));
                return null;
            }
            if (name.startsWith("set") && parameters > 0) {
                boolean parameter = method.getDeclaringClass() == PreparedStatement.class
                        && parameters >= 2
                        && method.getParameterTypes()[0] == int.class;
                String key = parameter ? "?" + args[0] : method.toGenericString();
                settings.put(key, args.clone());
                setters.put(key, method);
                if (parameter) {
                    Object[] shifted = args.clone();
                    shifted[0] = (Integer) args[0] + 1;
                    return forward(combined, method, shifted);
                }
                return forward(combined, method, args);
            }
            if (FORWARDED.contains(name)) {
                return forward(combined, method, args);
            }
            return forward(alone(), method, args);
        }

        /** Runs binding and statement in one round trip; answers as the caller's statement alone would. */
        private Object execute(String kind) throws SQLException {
            combined.execute();
            boolean rows = combined.getMoreResults();
            owner.sentWithStatement();
            switch (kind) {
                case "executeQuery" -> {
                    if (!rows) {
                        throw new SQLException("No results were returned by the query.", "02000");
                    }
                    return combined.getResultSet();
                }
                case "executeUpdate", "executeLargeUpdate" -> {
                    if (rows) {
                        throw new SQLException("A result was returned when none was expected.", "0100E");
                    }
                    if (kind.equals("executeUpdate")) {
                        return combined.getUpdateCount(); // an Integer: no conditional expression, which would widen it
                    }
                    return combined.getLargeUpdateCount();
                }
                default -> {
                    return rows;
                }
            }
        }

        /** The caller's SQL alone, with what the caller set, behind a binding of its own when still pending. */
        private PreparedStatement alone() throws Throwable {
            owner.writeAlone();
            PreparedStatement statement = owner.connection.prepareStatement(sql);
            try {
                for (Map.Entry<String, Object[]> setting : settings.entrySet()) {
                    forward(statement, setters.get(setting.getKey()), setting.getValue());
                }
            } catch (Throwable e) {
                statement.close();
                throw e;
            }
            alone = statement;
            return statement;
        }
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> proxy.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(proxy));
        };
    }

    private static Object forward(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
