package com.careerai.auth;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** Users, always looked up within one university. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface UserRepository extends GenericRepository<User, Long> {

    Optional<User> findByUniversityIdAndId(long universityId, long id);

    Optional<User> findByUniversityIdAndEmail(long universityId, String email);

    long countByUniversityIdAndRole(long universityId, Role role);

    @Query("SELECT id FROM users WHERE university_id = :universityId AND role = :role AND id > :afterId"
            + " ORDER BY id LIMIT :limit")
    List<Long> findIdsByRoleAfter(long universityId, String role, long afterId, int limit);

    User save(User user);
}
