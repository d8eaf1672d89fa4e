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
import org.postgresql.PGConnection;

/**
 * The pool every part of the application draws connections from, bound to the tenant wall: each
 * connection handed out carries the PostgreSQL setting {@code careerai.university_id} of the
 * {@link UniversityScope} that asked for it, or the empty value when none is bound — and then the
 * row-level security policies show no tenant row at all. Because the value is written at every
 * check-out (not left from the last borrower), a pooled connection never carries one university's
 * binding to the next request. The value last written on each physical connection is remembered so
 * that a connection reused by the same university costs no extra round trip (ADR 0010).
 */
final class TenantBoundDataSource implements DataSource {
    static final String SETTING = "careerai.university_id";

    private final DataSource pool;
    /** Physical connection → the session value written on it (weak: the pool may drop connections). */
    private final Map<Object, String> bound = Collections.synchronizedMap(new WeakHashMap<>());
    /** Binding statements written (each a round trip, and outside a transaction a transaction). */
    private final LongAdder written = new LongAdder();

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

    /** How many binding statements this wall has written since it was made (tests, ADR 0056). */
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

    private Connection bind(Connection connection) throws SQLException {
        String wanted = UniversityScope.current()
                .map(scope -> Long.toString(scope.universityId()))
                .orElse("");
        try {
            Object physical =
                    connection.isWrapperFor(PGConnection.class) ? connection.unwrap(PGConnection.class) : null;
            boolean autoCommit = connection.getAutoCommit();
            if (physical == null || !autoCommit || !wanted.equals(bound.get(physical))) {
                try (PreparedStatement statement =
                        connection.prepareStatement("SELECT set_config('" + SETTING + "', ?, false)")) {
                    statement.setString(1, wanted);
                    statement.execute();
                }
                written.increment();
                // Only a value written outside a transaction is sure to outlive it.
                if (physical != null) {
                    if (autoCommit) {
                        bound.put(physical, wanted);
                    } else {
                        bound.remove(physical);
                    }
                }
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
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
