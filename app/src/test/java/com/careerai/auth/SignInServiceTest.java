package com.careerai.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careerai.tenancy.NewUniversity;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Who may sign in where, what the first sign-in creates, and what invitations change. */
@MicronautTest(transactional = false)
class SignInServiceTest extends IntegrationTest {
    @Inject
    SignInService signIns;

    @Inject
    Invitations invitations;

    @Inject
    UserAccounts users;

    @Inject
    Fixtures fixtures;

    @Inject
    UniversityAdministration universities;

    @Inject
    SignUps signUps;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("spec.name", "SignInServiceTest");
    }

    @Test
    void onlyListedDomainsExactlyAreStudentDomains() {
        University university = universities.createIfAbsent(new NewUniversity(
                "Listed",
                "listed" + System.nanoTime() % 100000,
                List.of("uni.edu", "alum.uni.edu"),
                0,
                0,
                "#112233",
                null));
        assertThat(SignInService.isAllowedDomain(university, "uni.edu")).isTrue();
        assertThat(SignInService.isAllowedDomain(university, "ALUM.uni.edu")).isTrue();
        assertThat(SignInService.isAllowedDomain(university, "cs.uni.edu")).isFalse();
        assertThat(SignInService.isAllowedDomain(university, "evil-uni.edu")).isFalse();
        assertThat(SignInService.isAllowedDomain(university, "uni.edu.evil.com"))
                .isFalse();
    }

    @Test
    void firstSignInCreatesAVerifiedStudentAndPublishesUserSignedUpOnce() {
        University university = fixtures.university();
        fixtures.run(university, () -> {
            String email = "first@" + university.allowedDomains().get(0);
            User created = signIns.completeEmailSignIn(university, email);
            User again = signIns.completeEmailSignIn(university, email);
            assertThat(again.id()).isEqualTo(created.id());
            assertThat(created.emailVerified()).isTrue();
            assertThat(created.role()).isEqualTo(Role.STUDENT);
            assertThat(signUps.events).containsOnlyOnce(new UserSignedUp(university.id(), created.id(), Role.STUDENT));
        });
    }

    @Test
    void anExistingUnverifiedUserBecomesVerifiedWithoutANewSignUp() {
        University university = fixtures.university();
        fixtures.run(university, () -> {
            User seeded = fixtures.staff(university);
            assertThat(seeded.emailVerified()).isFalse();
            User signedIn = signIns.completeEmailSignIn(university, seeded.email());
            assertThat(signedIn.id()).isEqualTo(seeded.id());
            assertThat(signedIn.emailVerified()).isTrue();
            assertThat(signedIn.role()).isEqualTo(Role.STAFF);
            assertThat(signUps.events)
                    .noneMatch(event -> event.userId() == seeded.id() && event.universityId() == university.id());
        });
    }

    @Test
    void anInvitationLetsAnyAddressInAndGivesItsRoleOnce() {
        University university = fixtures.university();
        fixtures.run(university, () -> {
            String email = "outside.staff@partner.org";
            assertThatThrownBy(() -> signIns.checkMaySignIn(university, email))
                    .isInstanceOf(SignInException.class)
                    .hasFieldOrPropertyWithValue("code", "domain_not_allowed");

            invitations.invite(university.id(), email, Role.STAFF, "operator:test");
            signIns.checkMaySignIn(university, email);
            User staff = signIns.completeEmailSignIn(university, email);
            assertThat(staff.role()).isEqualTo(Role.STAFF);
            assertThat(invitations.list(university.id()))
                    .singleElement()
                    .satisfies(invitation -> assertThat(invitation.acceptedAt()).isNotNull());
            assertThat(signUps.events).contains(new UserSignedUp(university.id(), staff.id(), Role.STAFF));

            signIns.checkMaySignIn(university, email);
        });
    }

    @Test
    void anInvitationOfAnExistingStudentChangesTheRoleAtTheNextSignIn() {
        University university = fixtures.university();
        fixtures.run(university, () -> {
            User student = signIns.completeEmailSignIn(
                    university, "grad@" + university.allowedDomains().get(0));
            invitations.invite(university.id(), student.email(), Role.COUNSELLOR, "user:1");
            User counsellor = signIns.completeEmailSignIn(university, student.email());
            assertThat(counsellor.id()).isEqualTo(student.id());
            assertThat(counsellor.role()).isEqualTo(Role.COUNSELLOR);
            assertThat(invitations.pendingFor(university.id(), student.email())).isEmpty();
        });
    }

    @Test
    void anInvitationAtOneUniversityDoesNotOpenAnother() {
        University a = fixtures.university();
        University b = fixtures.university();
        fixtures.run(a, () -> invitations.invite(a.id(), "roamer@partner.org", Role.COUNSELLOR, "operator:test"));
        fixtures.run(b, () -> {
            assertThatThrownBy(() -> signIns.checkMaySignIn(b, "roamer@partner.org"))
                    .isInstanceOf(SignInException.class);
            assertThatThrownBy(() -> signIns.completeEmailSignIn(b, "roamer@partner.org"))
                    .isInstanceOf(SignInException.class);
            assertThat(users.findByEmail(b.id(), "roamer@partner.org")).isEmpty();
        });
    }

    @Singleton
    @Requires(property = "spec.name", value = "SignInServiceTest")
    static class SignUps {
        final List<UserSignedUp> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(UserSignedUp event) {
            events.add(event);
        }
    }
}
