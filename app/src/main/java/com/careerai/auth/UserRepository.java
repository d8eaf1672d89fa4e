package com.careerai.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Users, always looked up within one university. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface UserRepository extends GenericRepository<User, Long> {

    Optional<User> findByUniversityIdAndId(long universityId, long id);

    Optional<User> findByUniversityIdAndEmail(long universityId, String email);

    List<User> findByUniversityIdAndIdIn(long universityId, Collection<Long> id);

    Optional<User> findByUniversityIdAndGoogleId(long universityId, String googleId);

    long countByUniversityIdAndRole(long universityId, Role role);

    @Query("SELECT id FROM users WHERE university_id = :universityId AND role = :role AND id > :afterId"
            + " ORDER BY id LIMIT :limit")
    List<Long> findIdsByRoleAfter(long universityId, String role, long afterId, int limit);

    User save(User user);

    /** Records a sign-in that proved the user owns the address. */
    @Query("UPDATE users SET email_verified = TRUE, last_sign_in_at = :at, name = COALESCE(name, :name)"
            + " WHERE university_id = :universityId AND id = :id")
    long markSignedIn(long universityId, long id, Instant at, @Nullable String name);

    /** Links a Google account unless another one is linked already. */
    @Query("UPDATE users SET google_id = :googleId WHERE university_id = :universityId AND id = :id"
            + " AND (google_id IS NULL OR google_id = :googleId)")
    long linkGoogle(long universityId, long id, String googleId);

    @Query("UPDATE users SET name = :name WHERE university_id = :universityId AND id = :id")
    long changeName(long universityId, long id, @Nullable String name);

    @Query("UPDATE users SET role = :role WHERE university_id = :universityId AND id = :id")
    long changeRole(long universityId, long id, String role);

    @Query("UPDATE users SET is_pro = :pro WHERE university_id = :universityId AND id = :id")
    long changePro(long universityId, long id, boolean pro);

    @Query("UPDATE users SET erasure_scheduled_at = :at WHERE university_id = :universityId AND id = :id")
    long changeErasureScheduled(long universityId, long id, @Nullable Instant at);
}
