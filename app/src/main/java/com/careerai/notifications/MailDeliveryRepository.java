package com.careerai.notifications;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface MailDeliveryRepository extends GenericRepository<MailDelivery, Long> {

    MailDelivery save(MailDelivery delivery);

    Optional<MailDelivery> findByUniversityIdAndId(long universityId, long id);

    List<MailDelivery> findByUniversityIdAndRecipientOrderByCreatedAtDesc(long universityId, String recipient);

    @Query("UPDATE mail_deliveries SET status = 'SENT', attempts = attempts + 1, sent_at = :sentAt, last_error = NULL"
            + " WHERE university_id = :universityId AND id = :id")
    long markSent(long universityId, long id, Instant sentAt);

    @Query("UPDATE mail_deliveries SET status = 'FAILED', attempts = attempts + 1, last_error = :error"
            + " WHERE university_id = :universityId AND id = :id AND status <> 'SENT'")
    long markFailed(long universityId, long id, String error);
}
