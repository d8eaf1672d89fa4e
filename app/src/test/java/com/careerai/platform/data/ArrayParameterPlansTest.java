package com.careerai.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An array of ids bound behind {@link SqlRows#BIGINT_ARRAY} keeps one generic plan where a plain
 * {@code = ANY(?)} is planned anew on every execution (ADR 0071). Both run a dozen times on one
 * connection over an analysed table of a few hundred rows per tag: pgjdbc prepares each on the server
 * after its fifth use, PostgreSQL plans the next five for their values and then keeps the generic plan
 * unless it looks dearer — which, for a plain array it guesses at ten elements, it always does.
 */
@MicronautTest(transactional = false)
class ArrayParameterPlansTest extends IntegrationTest {
    private static final String PLAIN = "SELECT count(*) FROM tagged WHERE tag = ANY(?::bigint[])";
    private static final String BEHIND_A_SUBQUERY =
            "SELECT count(*) FROM tagged WHERE tag = ANY(" + SqlRows.BIGINT_ARRAY + ")";

    @Inject
    UnitOfWork units;

    @Inject
    Fixtures fixtures;

    @Inject
    JdbcOperations jdbc;

    @Test
    void anArrayBehindTheSubqueryKeepsTheGenericPlan() {
        University uni = fixtures.university();

        Map<String, Long> generic = units.inUniversity(uni.id(), () -> {
            SqlRows.update(
                    jdbc,
                    "CREATE TEMP TABLE tagged ON COMMIT DROP AS"
                            + " SELECT g AS id, g % 500 AS tag FROM generate_series(1, 100000) g",
                    statement -> {});
            SqlRows.update(jdbc, "CREATE INDEX ON tagged (tag)", statement -> {});
            SqlRows.update(jdbc, "ANALYZE tagged", statement -> {});
            for (int i = 0; i < 12; i++) {
                Long[] tags = i % 2 == 0 ? new Long[] {(long) i} : new Long[] {(long) i, i + 1L};
                count(PLAIN, tags);
                count(BEHIND_A_SUBQUERY, tags);
            }
            return Map.of("plain", genericPlans(PLAIN), "behind a subquery", genericPlans(BEHIND_A_SUBQUERY));
        });

        assertThat(generic.get("plain"))
                .as("generic executions of a plain array")
                .isZero();
        assertThat(generic.get("behind a subquery"))
                .as("generic executions of an array behind a subquery")
                .isPositive();
    }

    private void count(String sql, Long[] tags) {
        SqlRows.optional(
                jdbc,
                sql,
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("bigint", tags)),
                row -> row.getLong(1));
    }

    /** Generic-plan executions of this connection's prepared statement {@code sql} (pgjdbc numbers its parameters). */
    private long genericPlans(String sql) {
        return SqlRows.optional(
                        jdbc,
                        "SELECT coalesce(sum(generic_plans), 0) FROM pg_prepared_statements WHERE statement = ?",
                        SqlRows.parameters(sql.replace("?::", "$1::")),
                        row -> row.getLong(1))
                .orElseThrow();
    }
}
