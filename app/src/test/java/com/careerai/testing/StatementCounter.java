package com.careerai.testing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Counts the SQL statements the application prepares or executes, the connections it checks out
 * and the transactions it commits, for tests that hold a page to a number of queries and round
 * trips (issue 19). Active when a test sets {@code careerai.test.count-statements}; it
 * wraps the tenant-bound pool (after the tenant wall, so its own binding statement is not counted).
 */
@Singleton
@Requires(property = "careerai.test.count-statements", value = "true")
public class StatementCounter implements BeanCreatedEventListener<DataSource>, Ordered {
    /** Name prefixes of the node's background threads. */
    private static final List<String> BACKGROUND = List.of(
            "outbox-", "backgroundjob-", "jobrunr-", "scheduled-executor-", "tenancy-changes", "filter-beans-ahead");

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final Set<String> threads = new CopyOnWriteArraySet<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicInteger transactions = new AtomicInteger();

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource inner = event.getBean();
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, forward(inner, (method, args) -> {
                    Object result = invoke(inner, method, args);
                    if (result instanceof Connection connection) {
                        if (!background()) {
                            connections.incrementAndGet();
                        }
                        return counting(connection);
                    }
                    return result;
                }));
    }

    private Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                forward(connection, (method, args) -> {
                    String name = method.getName();
                    if (background()) {
                        return invoke(connection, method, args);
                    }
                    if (name.equals("prepareStatement") || name.equals("prepareCall")) {
                        statements.add((String) args[0]);
                        threads.add(Thread.currentThread().getName());
                    } else if (name.equals("createStatement")) {
                        statements.add("(statement)");
                        threads.add(Thread.currentThread().getName());
                    } else if (name.equals("commit")) {
                        commits.incrementAndGet();
                    } else if (name.equals("setAutoCommit") && Boolean.FALSE.equals(args[0])) {
                        transactions.incrementAndGet();
                    }
                    return invoke(connection, method, args);
                }));
    }

    /**
     * Whether this thread is one of the node's background workers (the outbox's relay, JobRunr's, scheduled
     * tasks, the tenancy listener): what they send is not the request's, and counting it made a request's
     * count depend on what an earlier test left in the outbox.
     */
    private static boolean background() {
        String thread = Thread.currentThread().getName();
        return BACKGROUND.stream().anyMatch(thread::startsWith);
    }

    /** Statements since the last {@link #reset()}, in order. */
    public List<String> statements() {
        return List.copyOf(statements);
    }

    /** The names of the threads that prepared those statements. */
    public Set<String> threads() {
        return Set.copyOf(threads);
    }

    /** Connections checked out of the pool since the last {@link #reset()}. */
    public int connections() {
        return connections.get();
    }

    /** Transactions committed since the last {@link #reset()} (each a round trip of its own). */
    public int commits() {
        return commits.get();
    }

    /**
     * Transactions begun since the last {@link #reset()} (auto-commit switched off: a BEGIN sent with
     * the next statement, then a COMMIT or ROLLBACK round trip of its own).
     */
    public int transactions() {
        return transactions.get();
    }

    public void reset() {
        statements.clear();
        threads.clear();
        connections.set(0);
        commits.set(0);
        transactions.set(0);
    }

    private interface Call {
        Object apply(Method method, Object[] args) throws Throwable;
    }

    private static InvocationHandler forward(Object target, Call call) {
        return (proxy, method, args) -> {
            if (method.getName().equals("unwrap") && args != null && ((Class<?>) args[0]).isInstance(proxy)) {
                return proxy;
            }
            return call.apply(method, args);
        };
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public int getOrder() {
        // Right after the tenant wall (HIGHEST_PRECEDENCE), before the transaction-aware proxy (0).
        return HIGHEST_PRECEDENCE + 1;
    }
}
