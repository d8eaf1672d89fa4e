package com.careerai.tenancy;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/** The tenants themselves; universities is the one table not scoped by university_id. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface UniversityRepository extends GenericRepository<University, Long> {

    Optional<University> findBySubdomain(String subdomain);

    Optional<University> findById(long id);

    University save(University university);

    University update(University university);
}
