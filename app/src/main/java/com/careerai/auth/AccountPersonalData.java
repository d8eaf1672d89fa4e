package com.careerai.auth;

import com.careerai.auth.session.SessionStore;
import com.careerai.platform.data.SqlRows;
import com.careerai.platform.privacy.PersonalData;
import com.careerai.platform.privacy.PersonalRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The account itself (issue 18): exported as the user row and invitations to its address; erased
 * last, de-identified (the id stays, ledger and payments keep pointing at it), deactivated and
 * signed out everywhere.
 */
@Singleton
class AccountPersonalData implements PersonalData {
    private final JdbcOperations jdbc;
    private final SessionStore sessions;
    private final UserAccounts accounts;

    AccountPersonalData(JdbcOperations jdbc, SessionStore sessions, UserAccounts accounts) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.accounts = accounts;
    }

    @Override
    public String key() {
        return "account";
    }

    @Override
    public int getOrder() {
        return Integer.MAX_VALUE; // the others find the person by this row's address
    }

    @Override
    public Part export(long universityId, long userId) {
        return Part.of(Map.of(
                "user",
                PersonalRows.json(
                        jdbc,
                        // the erasure date is privacy's (account_deletions), kept on the row for the banner (V96)
                        "SELECT to_jsonb(u) - 'google_id' - 'erasure_scheduled_at' FROM users u"
                                + " WHERE university_id = ? AND id = ?",
                        SqlRows.parameters(universityId, userId)),
                "invitations",
                PersonalRows.json(
                        jdbc,
                        "SELECT to_jsonb(i) FROM invitations i WHERE university_id = ?"
                                + " AND email = (SELECT email FROM users WHERE university_id = ? AND id = ?)",
                        SqlRows.parameters(universityId, universityId, userId))));
    }

    @Override
    public void erase(long universityId, long userId) {
        SqlRows.update(
                jdbc,
                "DELETE FROM invitations WHERE university_id = ?"
                        + " AND email = (SELECT email FROM users WHERE university_id = ? AND id = ?)",
                SqlRows.parameters(universityId, universityId, userId));
        SqlRows.update(
                jdbc,
                "UPDATE users SET email = ?, name = NULL, google_id = NULL, email_verified = FALSE,"
                        + " deactivated_at = COALESCE(deactivated_at, now()) WHERE university_id = ? AND id = ?",
                SqlRows.parameters(erasedAddress(userId), universityId, userId));
        accounts.changed(universityId, userId);
        sessions.revokeAll(universityId, userId);
    }

    /** What an erased account's address becomes: unique, undeliverable, naming nobody. */
    static String erasedAddress(long userId) {
        return "erased-" + userId + "@erased.invalid";
    }
}
