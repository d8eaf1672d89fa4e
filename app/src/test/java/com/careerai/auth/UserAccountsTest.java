package com.careerai.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.tenancy.University;
import com.careerai.testing.CrossTenant;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
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
}
