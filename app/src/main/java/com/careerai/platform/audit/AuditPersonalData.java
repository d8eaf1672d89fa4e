package com.careerai.platform.audit;

import com.careerai.platform.data.SqlRows;
import com.careerai.platform.privacy.PersonalData;
import com.careerai.platform.privacy.PersonalRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/**
 * The audit log names people by id ({@code user:<id>}); where an entry's details also carry their
 * address, name or phone (an invitation, a converted lead), erasure rewrites those details through
 * the one update V74 allows on this append-only table. Who acted, what and when stay.
 */
@Singleton
class AuditPersonalData implements PersonalData {
    private final JdbcOperations jdbc;

    AuditPersonalData(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "audit";
    }

    @Override
    public Part export(long universityId, long userId) {
        return Part.empty(); // staff's records of their own actions, not the person's data
    }

    @Override
    public void erase(long universityId, long userId) {
        // found by identifiers only: see erase(long, Subject)
    }

    @Override
    public void erase(long universityId, Subject subject) {
        SqlRows.optional(
                jdbc,
                "SELECT set_config('careerai.erasing_user', ?, true)",
                SqlRows.parameters(universityId + ":" + subject.userId()),
                row -> row.getString(1));
        SqlRows.update(
                jdbc,
                "UPDATE audit_log SET details = " + PersonalRows.scrubJson("details") + " WHERE university_id = ? AND "
                        + PersonalRows.mentions("details"),
                PersonalRows.bind(subject.identifiers(), universityId, subject.identifiers()));
        SqlRows.optional(
                jdbc,
                "SELECT set_config('careerai.erasing_user', '', true)",
                SqlRows.parameters(),
                row -> row.getString(1));
    }
}
