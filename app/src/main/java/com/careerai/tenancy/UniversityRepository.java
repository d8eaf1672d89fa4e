package com.careerai.tenancy;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** The tenants themselves; universities is the one table not scoped by university_id. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface UniversityRepository extends GenericRepository<University, Long> {

    Optional<University> findBySubdomain(String subdomain);

    /** Universities are the tenants themselves, so looking one up by id is not a cross-tenant read. */
    Optional<University> findById(long id);

    List<University> findAllOrderById();

    @Query("UPDATE universities SET default_silver = :defaultSilver, default_gold = :defaultGold, updated_at = now()"
            + " WHERE id = :id")
    long updateDefaults(long id, int defaultSilver, int defaultGold);

    University save(University university);

    University update(University university);
}
