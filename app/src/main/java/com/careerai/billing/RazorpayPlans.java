package com.careerai.billing;

import com.careerai.platform.data.SqlRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Map;
import java.util.Optional;

/**
 * The Razorpay plan of each of our plans, per university and price ({@code razorpay_plans}):
 * created through the SDK the first time a student of the university chooses the plan, then
 * reused. A Razorpay plan's amount cannot change, so a new price gets a new plan; subscriptions
 * already running keep theirs. Razorpay is called outside any transaction; two students choosing
 * a new plan at once may create two Razorpay plans, of which the first one recorded is used.
 */
@Singleton
class RazorpayPlans {
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final RazorpayGateway gateway;

    RazorpayPlans(JdbcOperations jdbc, TransactionOperations<Connection> transactions, RazorpayGateway gateway) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.gateway = gateway;
    }

    /**
     * The Razorpay plan id for {@code plan} as the university sells it (priced in its currency).
     *
     * @throws PaymentProviderException when Razorpay refuses or cannot be reached
     */
    String planFor(long universityId, Product plan) {
        Optional<String> known = transactions.executeRead(status -> find(universityId, plan));
        if (known.isPresent()) {
            return known.get();
        }
        String created = gateway.createPlan(
                plan.name(),
                plan.priceCents(),
                plan.currency(),
                Map.of("product", plan.id(), "university_id", Long.toString(universityId)));
        return transactions.executeWrite(status -> {
            SqlRows.update(
                    jdbc,
                    "INSERT INTO razorpay_plans (university_id, product, currency, amount_minor, plan_id)"
                            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (university_id, product, currency, amount_minor)"
                            + " DO NOTHING",
                    statement -> {
                        statement.setLong(1, universityId);
                        statement.setString(2, plan.id());
                        statement.setString(3, plan.currency());
                        statement.setLong(4, plan.priceCents());
                        statement.setString(5, created);
                    });
            return find(universityId, plan).orElseThrow();
        });
    }

    private Optional<String> find(long universityId, Product plan) {
        return SqlRows.optional(
                jdbc,
                "SELECT plan_id FROM razorpay_plans WHERE university_id = ? AND product = ? AND currency = ?"
                        + " AND amount_minor = ?",
                SqlRows.parameters(universityId, plan.id(), plan.currency(), plan.priceCents()),
                rows -> rows.getString(1));
    }
}
