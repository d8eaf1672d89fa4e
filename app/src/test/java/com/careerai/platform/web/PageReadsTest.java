package com.careerai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.ProtocolSyncs;
import com.careerai.testing.StatementCounter;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A page's reads sent to PostgreSQL in one round trip (ADR 0076): each answers as it would alone, with
 * its own parameters; a read kept is not sent again; nothing is sent ahead outside a GET; the tenant
 * wall holds for every part (the pool shrunk to one connection, so each check-out finds the connection
 * the one before left bound to another university); a failing part keeps nothing.
 */
@MicronautTest(transactional = false)
class PageReadsTest extends IntegrationTest {
    @Inject
    PageReads reads;

    @Inject
    Fixtures fixtures;

    @Inject
    StatementCounter counter;

    private University a;
    private University b;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "careerai.test.count-statements", "true",
                "datasources.default.maximum-pool-size", "1",
                "datasources.default.minimum-idle", "1");
    }

    @BeforeAll
    void oneStudentInAAndTwoInB() {
        a = fixtures.university();
        b = fixtures.university();
        fixtures.student(a);
        fixtures.student(b);
        fixtures.student(b);
    }

    /** Students of the university bound, by role: a parameter at index 1. */
    private static PageRead<Long> students() {
        return new PageRead<>(
                "test.students",
                "SELECT count(*) FROM users WHERE role = ?",
                SqlRows.parameters("STUDENT"),
                rows -> rows.next() ? rows.getLong(1) : -1);
    }

    /** An array made on the statement's connection, then a timestamp: parameters at 1 and 2. */
    private static PageRead<List<String>> words(Instant at) {
        return PageRead.list(
                "test.words",
                "SELECT w || '@' || extract(epoch FROM ?::timestamptz)::bigint FROM unnest(?::text[]) AS w ORDER BY w",
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(at));
                    statement.setArray(2, statement.getConnection().createArrayOf("text", new Object[] {"b", "a"}));
                },
                rows -> rows.getString(1));
    }

    /** Two numbers added: parameters at 1 and 2. */
    private static PageRead<Long> sum(long x, long y) {
        return new PageRead<>(
                "test.sum:" + x + ":" + y,
                "SELECT ?::bigint + ?::bigint",
                SqlRows.parameters(x, y),
                rows -> rows.next() ? rows.getLong(1) : null);
    }

    private <T> T inGet(University university, Supplier<T> work) {
        Supplier<T> bound = () -> fixtures.in(university, work);
        return ServerRequestContext.with(HttpRequest.GET("/"), bound);
    }

    @Test
    void readsSentTogetherAnswerEachAsItWouldAlone() {
        Instant at = Instant.parse("2026-12-05T10:00:00Z");
        fixtures.in(b, () -> reads.read(students())); // the one connection is left bound to b
        counter.reset();
        List<Object> values = inGet(a, () -> {
            reads.prefetch(List.of(students(), words(at), sum(40, 2), sum(1, 1)));
            int sent = counter.statements().size();
            List<Object> kept = List.of(
                    reads.read(students()), reads.read(words(at)), reads.read(sum(40, 2)), reads.read(sum(1, 1)));
            assertThat(counter.statements())
                    .as("nothing sent when the parts ask")
                    .hasSize(sent);
            return kept;
        });
        assertThat(counter.statements()).as("round trips").hasSize(1);
        assertThat(counter.statements().get(0).split(";\n")).hasSize(4);
        assertThat(values).containsExactly(1L, List.of("a@1796464800", "b@1796464800"), 42L, 2L);
        // and each alone, outside any request, reads the same
        assertThat(fixtures.in(a, () -> List.of(reads.read(students()), reads.read(words(at)), reads.read(sum(40, 2)))))
                .containsExactly(1L, List.of("a@1796464800", "b@1796464800"), 42L);
    }

    @Test
    void partsGoInOneRoundTripAlsoOnceServerPrepared() {
        Instant at = Instant.parse("2026-12-05T10:00:00Z");
        List<PageRead<?>> parts = List.of(students(), words(at), sum(1, 2));
        // pgjdbc server-prepares a statement at its fifth use; it used to describe one whose parameter
        // types it was not told (a Timestamp), and then send a Sync before the described part, whose rows
        // it cannot size (text): a round trip of its own
        for (int use = 1; use <= 6; use++) {
            inGet(a, () -> {
                reads.prefetch(parts);
                return null;
            });
        }
        int syncs = inGet(a, () -> {
            try (ProtocolSyncs counted = ProtocolSyncs.count()) {
                reads.prefetch(parts);
                return counted.syncs();
            }
        });
        assertThat(syncs).as("Syncs sent for three parts, one with a timestamp").isEqualTo(1);
    }

    @Test
    void theTenantWallHoldsForEveryPartSentTogether() {
        fixtures.in(a, () -> reads.read(students()));
        List<Long> counts = inGet(b, () -> {
            reads.prefetch(List.of(students(), sum(0, 0)));
            return List.of(reads.read(students()));
        });
        assertThat(counts).as("b's students only").containsExactly(2L);
        fixtures.in(b, () -> reads.read(students()));
        assertThat(inGet(a, () -> {
                    reads.prefetch(List.of(sum(0, 1), students()));
                    return reads.read(students());
                }))
                .as("a's students only, the students read second")
                .isEqualTo(1L);
    }

    @Test
    void aReadAlreadyKeptIsNotSentAgain() {
        counter.reset();
        inGet(a, () -> {
            reads.readOnce(sum(2, 3));
            reads.prefetch(List.of(sum(2, 3), sum(4, 5), students(), sum(4, 5)));
            return null;
        });
        assertThat(counter.statements()).hasSize(2);
        assertThat(counter.statements().get(1).split(";\n"))
                .as("the second round trip: each read not kept yet, once")
                .hasSize(2);
    }

    @Test
    void aReadAnotherGivesIsNotSent() {
        // a sum that also gives its double: the double's own read (a statement of its own) is not sent
        PageRead<Long> sumGivingDouble = sum(20, 1).alsoKeeps("test.sum:21:21", value -> value * 2);
        counter.reset();
        List<Object> values = inGet(a, () -> {
            reads.prefetch(List.of(sum(21, 21), sumGivingDouble, students()));
            return List.of(reads.read(sum(21, 21)), reads.read(sumGivingDouble), reads.read(students()));
        });
        assertThat(values).containsExactly(42L, 21L, 1L);
        assertThat(counter.statements()).as("round trips").hasSize(1);
        assertThat(counter.statements().get(0).split(";\n"))
                .as("the sum and the students; the double came with the sum")
                .hasSize(2);
    }

    @Test
    void aPlainReadNotSentAheadIsReadEachTimeAndNotKept() {
        counter.reset();
        List<Object> values = inGet(a, () -> {
            Long first = reads.read(sum(7, 8));
            Long again = reads.read(sum(7, 8));
            return List.of(first, again, reads.kept(sum(7, 8)).isPresent());
        });
        // what a part reads after it wrote must not be an earlier answer: only readOnce keeps
        assertThat(values).containsExactly(15L, 15L, false);
        assertThat(counter.statements()).hasSize(2);
    }

    @Test
    void nothingIsSentAheadOutsideAGet() {
        counter.reset();
        fixtures.in(a, () -> {
            reads.prefetch(List.of(sum(1, 2), sum(3, 4)));
            return null;
        });
        Supplier<Object> posted = () -> fixtures.in(a, () -> {
            reads.prefetch(List.of(sum(1, 2), sum(3, 4)));
            return null;
        });
        ServerRequestContext.with(HttpRequest.POST("/", ""), posted);
        assertThat(counter.statements())
                .as("no request, a POST: nothing to keep, nothing sent")
                .isEmpty();
    }

    @Test
    void aLoneReadLeftToSendIsSentAndKept() {
        counter.reset();
        List<Object> values = inGet(a, () -> {
            reads.prefetch(List.of(sum(1, 2)));
            // a second page part asks again (the appointment page's counsellor and the model's name of them)
            return List.of(
                    reads.read(sum(1, 2)),
                    reads.readOnce(sum(1, 2)),
                    reads.kept(sum(1, 2)).isPresent());
        });
        assertThat(values).containsExactly(3L, 3L, true);
        assertThat(counter.statements()).as("one read alone, sent once").hasSize(1);
        counter.reset();
        inGet(a, () -> {
            reads.readOnce(sum(1, 2));
            reads.prefetch(List.of(sum(1, 2)));
            return null;
        });
        assertThat(counter.statements())
                .as("a read kept already is not sent again")
                .hasSize(1);
    }

    @Test
    void aFailingPartFailsTheRoundTripAndKeepsNothing() {
        PageRead<Long> broken = new PageRead<>(
                "test.broken",
                "SELECT 1 / (? - 1)",
                SqlRows.parameters(1),
                rows -> rows.next() ? rows.getLong(1) : null);
        boolean[] kept = new boolean[1];
        assertThatThrownBy(() -> inGet(a, () -> {
                    try {
                        reads.prefetch(List.of(sum(6, 1), broken, students()));
                        return null;
                    } finally {
                        kept[0] = RequestMemo.find("test.sum:6:1").isPresent()
                                || RequestMemo.find("test.students").isPresent();
                    }
                }))
                .hasMessageContaining("division by zero");
        assertThat(kept[0]).as("values kept from the failed round trip").isFalse();
        assertThat(fixtures.in(a, () -> reads.read(students())))
                .as("the connection is usable after")
                .isEqualTo(1L);
    }
}
