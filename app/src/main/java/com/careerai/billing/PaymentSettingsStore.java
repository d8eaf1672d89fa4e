package com.careerai.billing;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Optional;

/** {@code payment_settings}: one row per university that chose a provider or currency. */
@Singleton
class PaymentSettingsStore {
    private final JdbcOperations jdbc;

    PaymentSettingsStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The university's choice, if it made one: a read a page can send ahead with others (ADR 0076). */
    static PageRead<Optional<PaymentSettings.Settings>> find(long universityId) {
        return PageRead.optional(
                "billing.payment-settings:" + universityId,
                "SELECT provider, currency FROM payment_settings WHERE university_id = ?",
                SqlRows.parameters(universityId),
                row -> new PaymentSettings.Settings(
                        PaymentSettings.Provider.parse(row.getString(1)).orElseThrow(), row.getString(2)));
    }

    void save(long universityId, PaymentSettings.Settings settings, String changedBy) {
        SqlRows.update(
                jdbc,
                "INSERT INTO payment_settings (university_id, provider, currency, changed_by) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (university_id) DO UPDATE SET provider = EXCLUDED.provider,"
                        + " currency = EXCLUDED.currency, changed_by = EXCLUDED.changed_by, updated_at = now()",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setString(2, settings.provider().key());
                    statement.setString(3, settings.currency());
                    statement.setString(4, changedBy);
                });
    }
}
