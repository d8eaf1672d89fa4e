package com.careerai.platform.outbox;

import com.careerai.platform.data.SqlRows;
import com.careerai.platform.privacy.PersonalData;
import com.careerai.platform.privacy.PersonalRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/**
 * Events still kept in the outbox may carry a person's address or name (a mail to send, a lead
 * received): erasure scrubs them in place. Nothing is exported (the features' own parts say it).
 */
@Singleton
class OutboxPersonalData implements PersonalData {
    private final JdbcOperations jdbc;

    OutboxPersonalData(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "outbox";
    }

    @Override
    public Part export(long universityId, long userId) {
        return Part.empty();
    }

    @Override
    public void erase(long universityId, long userId) {
        // found by identifiers only: see erase(long, Subject)
    }

    @Override
    public void erase(long universityId, Subject subject) {
        SqlRows.update(
                jdbc,
                "UPDATE outbox_events SET payload = " + PersonalRows.scrubJson("payload") + ", last_error = "
                        + PersonalRows.scrubText("last_error") + " WHERE university_id = ? AND ("
                        + PersonalRows.mentions("payload") + " OR " + PersonalRows.mentions("last_error") + ")",
                PersonalRows.bind(
                        subject.identifiers(),
                        subject.identifiers(),
                        universityId,
                        subject.identifiers(),
                        subject.identifiers()));
    }
}
