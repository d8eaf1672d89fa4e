package com.careerai.notifications;

import com.careerai.platform.data.SqlRows;
import com.careerai.platform.privacy.PersonalData;
import com.careerai.platform.privacy.PersonalRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/** The mail log: which mails went to the person's address; the address is scrubbed on erasure. */
@Singleton
class MailPersonalData implements PersonalData {
    private final JdbcOperations jdbc;

    MailPersonalData(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "mail";
    }

    @Override
    public Part export(long universityId, long userId) {
        return Part.empty(); // found by address only: see export(long, Subject)
    }

    @Override
    public Part export(long universityId, Subject subject) {
        return Part.of(PersonalRows.json(
                jdbc,
                "SELECT to_jsonb(m) FROM mail_deliveries m WHERE university_id = ? AND recipient = ? ORDER BY created_at",
                SqlRows.parameters(universityId, subject.email())));
    }

    @Override
    public void erase(long universityId, long userId) {
        // found by address only: see erase(long, Subject)
    }

    @Override
    public void erase(long universityId, Subject subject) {
        SqlRows.update(
                jdbc,
                "UPDATE mail_deliveries SET recipient = ?, last_error = " + PersonalRows.scrubText("last_error")
                        + " WHERE university_id = ? AND (lower(recipient) = ? OR " + PersonalRows.mentions("last_error")
                        + ")",
                PersonalRows.bind(
                        PersonalRows.ERASED,
                        subject.identifiers(),
                        universityId,
                        subject.email(),
                        subject.identifiers()));
    }
}
