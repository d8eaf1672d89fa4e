package com.careerai.auth;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface InvitationRepository extends GenericRepository<Invitation, Long> {

    Invitation save(Invitation invitation);

    List<Invitation> findByUniversityIdAndEmailOrderByCreatedAtDesc(long universityId, String email);

    List<Invitation> findByUniversityIdOrderByCreatedAtDesc(long universityId);

    Optional<Invitation> findByUniversityIdAndId(long universityId, long id);

    @Query(
            "UPDATE invitations SET accepted_at = :acceptedAt WHERE university_id = :universityId AND id = :id AND accepted_at IS NULL")
    long markAccepted(long universityId, long id, Instant acceptedAt);
}
