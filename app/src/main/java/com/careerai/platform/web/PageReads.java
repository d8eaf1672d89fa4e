package com.careerai.platform.web;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a page's {@link PageRead}s, several of them in one round trip (ADR 0076).
 *
 * <p>A service reads with {@link #read} (or {@link #readOnce}, for a value several parts of a page
 * show). A page whose parts will ask for several reads first hands them to {@link #prefetch}: they go
 * to PostgreSQL as one statement of several parts ({@code a; b; c}), which the driver sends with one Sync, and their values
 * are kept under their keys, so that when each part then asks, nothing more is sent. Same SQL, same
 * rows; what changes is that PostgreSQL and the page wait for one round trip instead of one per read.
 * The parts run in one implicit transaction, each seeing the data as of its own start (READ COMMITTED),
 * as they would one by one; an error in one fails the prefetch, as it would have failed its part's read.
 *
 * <p>Only a read that sends takes a connection: it joins the caller's ({@code @Connectable} scope or
 * transaction), else checks one out for itself, as {@code @Connectable} would. A value already kept is
 * answered without one, so a layout that finds the page's values kept checks out nothing.
 */
@Singleton
public class PageReads {
    private final JdbcOperations jdbc;
    private final ConnectionOperations<Connection> connections;

    PageReads(JdbcOperations jdbc, ConnectionOperations<Connection> connections) {
        this.jdbc = jdbc;
        this.connections = connections;
    }

    /**
     * The read's value: the one sent ahead for this request ({@link #prefetch}) when there is one, else
     * read now and not kept (what a part reads after writing must not be an earlier answer).
     */
    @SuppressWarnings("unchecked")
    public <T> T read(PageRead<T> read) {
        return (T) RequestMemo.find(read.key()).orElseGet(() -> send(read));
    }

    /** The read's value if it was sent ahead for this request (or kept by {@link #readOnce}); nothing is sent. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> kept(PageRead<T> read) {
        return RequestMemo.find(read.key()).map(value -> (T) value);
    }

    /**
     * The read's value, read at most once in a GET: kept from earlier in it (sent ahead, or read by this
     * method), else read now and kept for the rest of it, for what several parts of one page show (the
     * header's balances and the balances panel). A writer in a GET forgets it ({@link RequestMemo#forget}).
     */
    public <T> T readOnce(PageRead<T> read) {
        return RequestMemo.of(read.key(), () -> send(read));
    }

    /**
     * Reads those of {@code reads} this request has not read yet, each key once, in one round trip, and
     * keeps their values on the request for {@link #read} and {@link #readOnce}: one read left to send goes
     * alone, and is kept as well, so that a second part asking for it sends nothing. Outside a GET or HEAD it
     * sends nothing: each part reads its own as before.
     */
    public void prefetch(Collection<? extends PageRead<?>> reads) {
        if (!RequestMemo.active()) {
            return; // nothing could be kept
        }
        Map<String, PageRead<?>> wanted = new LinkedHashMap<>();
        Set<String> given = new HashSet<>(); // keys another wanted read gives besides its own
        for (PageRead<?> read : reads) {
            if (RequestMemo.find(read.key()).isEmpty()) {
                wanted.putIfAbsent(read.key(), read);
                read.also().forEach(also -> given.add(also.key()));
            }
        }
        wanted.keySet().removeAll(given);
        if (wanted.isEmpty()) {
            return;
        }
        if (wanted.size() == 1) { // alone: the round trip its part would have made, and kept
            PageRead<?> only = wanted.values().iterator().next();
            keep(only, send(only));
            return;
        }
        List<PageRead<?>> parts = new ArrayList<>(wanted.values());
        String sql = String.join(";\n", parts.stream().map(PageRead::sql).toList());
        List<Object> values = connections.execute(
                ConnectionDefinition.DEFAULT,
                status -> jdbc.prepareStatement(sql, statement -> {
                    int bound = 0;
                    for (PageRead<?> part : parts) {
                        bound += bindFrom(statement, bound, part.binder());
                    }
                    List<Object> read = new ArrayList<>(parts.size());
                    boolean rows = statement.execute();
                    for (PageRead<?> part : parts) {
                        if (!rows) {
                            throw new SQLException("no result set for the page read " + part.key());
                        }
                        try (ResultSet result = statement.getResultSet()) {
                            read.add(part.result().of(result));
                        }
                        rows = statement.getMoreResults();
                    }
                    return read;
                }));
        for (int i = 0; i < parts.size(); i++) {
            keep(parts.get(i), values.get(i));
        }
    }

    /** Keeps a read's value and what else it gives, under their keys (the first value kept stays). */
    @SuppressWarnings("unchecked")
    private static <T> void keep(PageRead<T> read, Object value) {
        RequestMemo.keep(read.key(), value);
        for (PageRead.Also<T> also : read.also()) {
            if (RequestMemo.find(also.key()).isEmpty()) {
                RequestMemo.keep(also.key(), also.value().apply((T) value));
            }
        }
    }

    /** One read alone, on the caller's connection or one of its own. */
    private <T> T send(PageRead<T> read) {
        return connections.execute(ConnectionDefinition.DEFAULT, status -> read.runOn(jdbc));
    }

    /**
     * Lets {@code binder}, which binds from index 1, bind its part of a statement of several parts: every
     * parameter index it sets is moved on by {@code offset}. The number of parameters it bound (its
     * highest index).
     *
     * <p>A {@link Timestamp} is bound as the {@code timestamptz} it stands for. pgjdbc sends a
     * {@code setTimestamp} with no type, so that PostgreSQL infers one; to learn it, pgjdbc describes the
     * part once it is a server-prepared statement, and from then on sends a Sync before every described
     * part whose rows it cannot size (any text column) — a round trip of its own, which is what sending
     * the parts together is for. With every parameter typed, the parts go with one Sync.
     */
    private static int bindFrom(PreparedStatement statement, int offset, SqlRows.Binder binder) throws SQLException {
        int[] highest = {0};
        PreparedStatement moved = (PreparedStatement) Proxy.newProxyInstance(
                PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class},
                (proxy, method, args) -> {
                    Object[] arguments = args;
                    if (method.getName().startsWith("set")
                            && args != null
                            && args.length >= 2
                            && method.getParameterTypes()[0] == int.class) {
                        int index = (Integer) args[0];
                        highest[0] = Math.max(highest[0], index);
                        if (args.length == 2 && args[1] instanceof Timestamp timestamp) {
                            statement.setObject(
                                    index + offset, timestamp.toInstant().atOffset(ZoneOffset.UTC));
                            return null;
                        }
                        arguments = args.clone();
                        arguments[0] = index + offset;
                    }
                    try {
                        return method.invoke(statement, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        binder.bind(moved);
        return highest[0];
    }
}
