package com.careerai.credits;

import com.careerai.platform.data.SqlRows;
import com.careerai.platform.privacy.PersonalData;
import com.careerai.platform.privacy.PersonalRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The wallet and its ledger: exported; erasure keeps both (the ledger is append-only accounting and
 * names the person only by id; see docs/adr/0027).
 */
@Singleton
class CreditsPersonalData implements PersonalData {
    private final JdbcOperations jdbc;

    CreditsPersonalData(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "credits";
    }

    @Override
    public Part export(long universityId, long userId) {
        return Part.of(Map.of(
                "wallet",
                PersonalRows.json(
                        jdbc,
                        "SELECT to_jsonb(w) FROM credit_wallets w WHERE university_id = ? AND user_id = ?",
                        SqlRows.parameters(universityId, userId)),
                "ledger",
                PersonalRows.json(
                        jdbc,
                        "SELECT to_jsonb(t) FROM credit_transactions t WHERE university_id = ? AND user_id = ? ORDER BY id",
                        SqlRows.parameters(universityId, userId))));
    }

    @Override
    public void erase(long universityId, long userId) {
        // nothing to erase: amounts, types and ids only; the rows stay for the ledger audit
    }
}
