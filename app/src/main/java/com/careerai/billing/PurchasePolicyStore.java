package com.careerai.billing;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Optional;

/** {@code purchase_policies}: one row per university that changed the default (purchases on). */
@Singleton
class PurchasePolicyStore {
    private final JdbcOperations jdbc;

    PurchasePolicyStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the university's students may buy, if staff ever said (ADR 0076: a page may send it ahead). */
    static PageRead<Optional<Boolean>> studentsMayBuy(long universityId) {
        return PageRead.optional(
                "billing.students-may-buy:" + universityId,
                "SELECT students_may_buy FROM purchase_policies WHERE university_id = ?",
                SqlRows.parameters(universityId),
                row -> row.getBoolean(1));
    }

    void save(long universityId, boolean studentsMayBuy, String changedBy) {
        SqlRows.update(
                jdbc,
                "INSERT INTO purchase_policies (university_id, students_may_buy, changed_by) VALUES (?, ?, ?)"
                        + " ON CONFLICT (university_id) DO UPDATE SET students_may_buy = EXCLUDED.students_may_buy,"
                        + " changed_by = EXCLUDED.changed_by, updated_at = now()",
                SqlRows.parameters(universityId, studentsMayBuy, changedBy));
    }
}
