package com.careerai.referrals;

import com.careerai.platform.data.SqlRows;
import com.careerai.platform.privacy.PersonalData;
import com.careerai.platform.privacy.PersonalRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Map;

/** Referral code and referrals: exported; the network addresses kept against abuse go on erasure. */
@Singleton
class ReferralsPersonalData implements PersonalData {
    private final JdbcOperations jdbc;

    ReferralsPersonalData(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "referrals";
    }

    @Override
    public Part export(long universityId, long userId) {
        return Part.of(Map.of(
                "code",
                PersonalRows.json(
                        jdbc,
                        "SELECT to_jsonb(c) FROM referral_codes c WHERE university_id = ? AND user_id = ?",
                        SqlRows.parameters(universityId, userId)),
                "referrals",
                PersonalRows.json(
                        jdbc,
                        "SELECT to_jsonb(r) - 'signup_address' FROM referrals r WHERE university_id = ?"
                                + " AND (referrer_id = ? OR referee_id = ?) ORDER BY created_at",
                        SqlRows.parameters(universityId, userId, userId))));
    }

    @Override
    public void erase(long universityId, long userId) {
        SqlRows.update(
                jdbc,
                "UPDATE referral_codes SET last_address = NULL WHERE university_id = ? AND user_id = ?",
                SqlRows.parameters(universityId, userId));
        SqlRows.update(
                jdbc,
                "UPDATE referrals SET signup_address = NULL WHERE university_id = ? AND (referrer_id = ? OR referee_id = ?)",
                SqlRows.parameters(universityId, userId, userId));
    }
}
