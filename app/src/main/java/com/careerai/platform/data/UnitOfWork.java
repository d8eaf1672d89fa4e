package com.careerai.platform.data;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.function.Supplier;

/**
 * The one entry point to a university's data outside a web request (which the tenant filter binds):
 * jobs, start-up seeding, tenant-admin. It binds the university for everything the work does —
 * every connection checked out inside sees and accepts only that university's rows — and, for
 * {@link #inUniversity}, runs the work in one transaction.
 *
 * <p>Binding is refused when another university is bound already: a unit of work never mixes two.
 */
@Singleton
public class UnitOfWork {
    private final TransactionOperations<Connection> transactions;
    private final JdbcOperations jdbc;

    UnitOfWork(TransactionOperations<Connection> transactions, JdbcOperations jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** Runs {@code work} in one transaction of {@code universityId} (joining it when already open). */
    public <T> T inUniversity(long universityId, Supplier<T> work) {
        return bound(universityId, () -> transactions.executeWrite(status -> work.get()));
    }

    public void runInUniversity(long universityId, Runnable work) {
        inUniversity(universityId, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Binds {@code universityId} for {@code work} without opening a transaction: for jobs that call
     * slow services (a model, SMTP) between short transactions of their own. Inside a transaction
     * begun outside any university, the transaction is routed to it first ({@link #enter}).
     */
    @SuppressWarnings("try") // the scope is closed, never read
    public <T> T bound(long universityId, Supplier<T> work) {
        UniversityScope current = UniversityScope.current().orElse(null);
        if (current != null) {
            if (current.universityId() != universityId) {
                throw new IllegalStateException("University " + current.universityId()
                        + " is bound; refusing to work on university " + universityId + " inside it");
            }
            return work.get();
        }
        if (transactions
                .findTransactionStatus()
                .filter(status -> !status.isCompleted())
                .isPresent()) {
            enter(universityId);
        }
        try (PropagatedContext.Scope ignored = PropagatedContext.getOrEmpty()
                .plus(new UniversityScope(universityId))
                .propagate()) {
            return work.get();
        }
    }

    public void runBound(long universityId, Runnable work) {
        bound(universityId, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Routes the open transaction, begun outside any university, to {@code universityId} once the
     * work has found out which it is (a Stripe event names its university only inside its body).
     * The binding is transaction-local: it ends with the transaction. Entering a second, different
     * university in the same transaction is refused.
     */
    public void enter(long universityId) {
        if (transactions.findTransactionStatus().isEmpty()) {
            throw new IllegalStateException("enter(" + universityId + ") needs an open transaction");
        }
        String wanted = Long.toString(universityId);
        String setting = TenantBoundDataSource.SETTING;
        // One statement: bind unless another university is bound already, and say what is bound now.
        String now = jdbc.prepareStatement(
                "SELECT set_config('" + setting + "', CASE WHEN coalesce(current_setting('" + setting
                        + "', true), '') IN ('', ?) THEN ? ELSE current_setting('" + setting + "', true) END, true)",
                statement -> {
                    statement.setString(1, wanted);
                    statement.setString(2, wanted);
                    try (var rows = statement.executeQuery()) {
                        rows.next();
                        return rows.getString(1);
                    }
                });
        if (!wanted.equals(now)) {
            throw new IllegalStateException(
                    "This transaction works on university " + now + "; refusing to enter " + wanted);
        }
    }
}
