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

    /**
     * Leases a delivery not sent yet and not leased by a live attempt, for {@code seconds}; 1 when this
     * attempt holds it now, 0 when it is sent, leased by another attempt, or gone. The database's clock
     * decides, so nodes' clocks need not agree.
     */
    @Query("UPDATE mail_deliveries SET lease_until = now() + :seconds * interval '1 second'"
            + " WHERE university_id = :universityId AND id = :id AND status <> 'SENT'"
            + " AND (lease_until IS NULL OR lease_until < now())")
    long lease(long universityId, long id, long seconds);

    /** Gives a lease up (the send failed): the next attempt need not wait for it to expire. */
    @Query("UPDATE mail_deliveries SET lease_until = NULL WHERE university_id = :universityId AND id = :id")
    long releaseLease(long universityId, long id);

    @Query("UPDATE mail_deliveries SET status = 'SENT', attempts = attempts + 1, sent_at = :sentAt, last_error = NULL,"
            + " lease_until = NULL WHERE university_id = :universityId AND id = :id")
    long markSent(long universityId, long id, Instant sentAt);

    @Query("UPDATE mail_deliveries SET status = 'FAILED', attempts = attempts + 1, last_error = :error"
            + " WHERE university_id = :universityId AND id = :id AND status <> 'SENT'")
    long markFailed(long universityId, long id, String error);
}
