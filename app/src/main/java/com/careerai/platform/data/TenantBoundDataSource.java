package com.careerai.platform.data;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * The pool every part of the application draws connections from, bound to the tenant wall: each
 * connection handed out carries the PostgreSQL setting {@code careerai.university_id} of the
 * {@link UniversityScope} that asked for it, or the empty value when none is bound — and then the
 * row-level security policies show no tenant row at all. Because the value is written at every
 * check-out (not left from the last borrower), a pooled connection never carries one university's
 * binding to the next request. The value last written on each physical connection is remembered so
 * that a connection reused by the same university costs no extra round trip (ADR 0010); a connection
 * that must be bound anew sends the binding with its first statement, in the same round trip, when
 * it can ({@link BindingWithFirstStatement}, ADR 0058).
 */
final class TenantBoundDataSource implements DataSource {
    static final String SETTING = "careerai.university_id";

    private final DataSource pool;
    /** Physical connection → the session value written on it (weak: the pool may drop connections). */
    private final Map<Object, String> bound = Collections.synchronizedMap(new WeakHashMap<>());
    /** Binding statements written, alone or ahead of a connection's first statement. */
    private final LongAdder written = new LongAdder();
    /** Of those, the ones sent in a round trip of their own. */
    private final LongAdder writtenAlone = new LongAdder();

    private final Binder binder = new Binder();

    TenantBoundDataSource(DataSource pool) {
        this.pool = pool;
    }

    /**
     * The pool itself: connections handed out as they are, the setting left as the last borrower
     * wrote it. Only for SQL on tables without tenant rows ({@link TablesWithoutTenants}); such SQL
     * writes no setting, so what {@link #bound} remembers of a connection stays true.
     */
    DataSource unbound() {
        return pool;
    }

    /** How many binding statements this wall has written since it was made, alone or with a statement (tests, ADR 0056). */
    long bindingsWritten() {
        return written.sum();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return bind(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return bind(pool.getConnection(username, password));
    }

    /**
     * How many binding statements went to the server in a round trip of their own (the others rode
     * with the connection's first statement, ADR 0058).
     */
    long bindingsWrittenAlone() {
        return writtenAlone.sum();
    }

    private Connection bind(Connection connection) throws SQLException {
        String wanted = UniversityScope.current()
                .map(scope -> Long.toString(scope.universityId()))
                .orElse("");
        try {
            BaseConnection physical = physical(connection);
            boolean autoCommit = connection.getAutoCommit();
            if (physical != null && autoCommit && wanted.equals(bound.get(physical))) {
                return connection;
            }
            if (physical != null && autoCommit) {
                // Unknown until the binding has gone out and taken effect (it may fail with its statement).
                bound.remove(physical);
                return BindingWithFirstStatement.of(connection, wanted, binder);
            }
            binder.writeAlone(connection, wanted);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static BaseConnection physical(Connection connection) throws SQLException {
        return connection.isWrapperFor(BaseConnection.class) ? connection.unwrap(BaseConnection.class) : null;
    }

    /** Writes the binding and remembers it where it is sure to outlive the statement that wrote it. */
    private final class Binder implements BindingWithFirstStatement.Binder {
        @Override
        public void writeAlone(Connection connection, String wanted) throws SQLException {
            try (PreparedStatement statement =
                    connection.prepareStatement("SELECT set_config('" + SETTING + "', ?, false)")) {
                statement.setString(1, wanted);
                statement.execute();
            }
            writtenAlone.increment();
            remember(connection, wanted);
        }

        @Override
        public boolean sentWithStatement(Connection connection, String wanted) throws SQLException {
            return remember(connection, wanted);
        }

        private boolean remember(Connection connection, String wanted) throws SQLException {
            written.increment();
            BaseConnection physical = physical(connection);
            if (physical == null) {
                return true;
            }
            // Only a value written outside a transaction is sure to outlive it.
            if (physical.getTransactionState() == TransactionState.IDLE) {
                bound.put(physical, wanted);
                return true;
            }
            bound.remove(physical);
            return false;
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
