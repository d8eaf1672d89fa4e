package com.careerai.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.tenancy.University;
import com.careerai.testing.CrossTenant;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerHttpRequestContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class UserAccountsTest extends IntegrationTest {
    @Inject
    UserAccounts users;

    @Inject
    Fixtures fixtures;

    @Test
    void usersOfOneUniversityAreInvisibleToAnother() {
        University a = fixtures.university();
        University b = fixtures.university();
        CrossTenant.assertInvisible(a, b, fixtures::student, (uni, user) -> users.find(uni.id(), user.id()));
        CrossTenant.assertInvisible(a, b, fixtures::student, (uni, user) -> users.findByEmail(uni.id(), user.email()));
    }

    @Test
    void ensureIsIdempotentAndNormalisesTheEmail() {
        University a = fixtures.university();
        fixtures.run(a, () -> {
            User first = users.ensure(a.id(), " Ada@Example.EDU ", "Ada", Role.STUDENT);
            User again = users.ensure(a.id(), "ada@example.edu", "Someone else", Role.STAFF);
            assertThat(again.id()).isEqualTo(first.id());
            assertThat(again.email()).isEqualTo("ada@example.edu");
            assertThat(again.role()).isEqualTo(Role.STUDENT);
        });
    }

    @Test
    void sameEmailMayExistInTwoUniversities() {
        University a = fixtures.university();
        University b = fixtures.university();
        User inA = fixtures.in(a, () -> users.ensure(a.id(), "same@person.org", "A", Role.STUDENT));
        User inB = fixtures.in(b, () -> users.ensure(b.id(), "same@person.org", "B", Role.STUDENT));
        assertThat(inA.id()).isNotEqualTo(inB.id());
    }

    @Test
    @SuppressWarnings("try") // the scope is only opened and closed
    void aPageRequestReadsTheUserOnceAndAgainAfterChangingIt() {
        University a = fixtures.university();
        User student = fixtures.student(a);
        // The sign-in check and the home's panels ask for the same row in one GET (issue 19).
        try (PropagatedContext.Scope ignored = inRequest(HttpRequest.GET("/"))) {
            fixtures.run(a, () -> {
                User first = users.find(a.id(), student.id()).orElseThrow();
                assertThat(users.find(a.id(), student.id())).containsSame(first);

                users.rename(a.id(), student.id(), "Grace Hopper");
                assertThat(users.find(a.id(), student.id()).orElseThrow().name())
                        .isEqualTo("Grace Hopper");
            });
        }
    }

    @Test
    @SuppressWarnings("try") // the scope is only opened and closed
    void aRequestThatChangesDataReadsTheUserEveryTime() {
        University a = fixtures.university();
        User student = fixtures.student(a);
        try (PropagatedContext.Scope ignored = inRequest(HttpRequest.POST("/profile", ""))) {
            fixtures.run(a, () -> {
                User first = users.find(a.id(), student.id()).orElseThrow();
                assertThat(users.find(a.id(), student.id()).orElseThrow())
                        .isNotSameAs(first)
                        .isEqualTo(first);
            });
        }
    }

    private static PropagatedContext.Scope inRequest(HttpRequest<?> request) {
        return PropagatedContext.getOrEmpty()
                .plus(new ServerHttpRequestContext(request))
                .propagate();
    }
}
