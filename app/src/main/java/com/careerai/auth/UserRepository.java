package com.careerai.auth;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/** Users, always looked up within one university. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface UserRepository extends GenericRepository<User, Long> {

    Optional<User> findByUniversityIdAndId(long universityId, long id);

    Optional<User> findByUniversityIdAndEmail(long universityId, String email);

    long countByUniversityIdAndRole(long universityId, Role role);

    User save(User user);
}
