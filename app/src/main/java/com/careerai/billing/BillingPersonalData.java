package com.careerai.billing;

import com.careerai.platform.data.SqlRows;
import com.careerai.platform.privacy.PersonalData;
import com.careerai.platform.privacy.PersonalRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Payments and subscriptions: exported; erasure keeps them for the university's accounts (they
 * hold no name or address, only the user id and the provider's references).
 */
@Singleton
class BillingPersonalData implements PersonalData {
    private final JdbcOperations jdbc;

    BillingPersonalData(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "payments";
    }

    @Override
    public Part export(long universityId, long userId) {
        return Part.of(Map.of(
                "payments",
                PersonalRows.json(
                        jdbc,
                        "SELECT to_jsonb(p) FROM payments p WHERE university_id = ? AND user_id = ? ORDER BY created_at",
                        SqlRows.parameters(universityId, userId)),
                "subscriptions",
                PersonalRows.json(
                        jdbc,
                        "SELECT to_jsonb(s) FROM subscriptions s WHERE university_id = ? AND user_id = ? ORDER BY created_at",
                        SqlRows.parameters(universityId, userId))));
    }

    @Override
    public void erase(long universityId, long userId) {
        // payments stay as they are: no personal column to de-identify
    }
}
