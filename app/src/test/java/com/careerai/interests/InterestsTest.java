package com.careerai.interests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careerai.auth.User;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class InterestsTest extends IntegrationTest {
    @Inject
    Fixtures fixtures;

    @Inject
    Interests interests;

    @Test
    void staffAddRenameAndRetireWhileStudentsKeepTheirHistory() {
        University university = fixtures.university();
        User student = fixtures.student(university);
        long id = university.id();
        Interest software = fixtures.in(university, () -> interests.add(id, "  Software   engineering ", "staff@x"));
        Interest finance = fixtures.in(university, () -> interests.add(id, "Finance", "staff@x"));
        assertThat(software.name()).isEqualTo("Software engineering");

        fixtures.run(university, () -> interests.choose(id, student.id(), List.of(software.id(), finance.id())));
        fixtures.run(university, () -> interests.rename(id, software.id(), "Software", "staff@x"));
        fixtures.run(university, () -> interests.retire(id, finance.id(), "staff@x"));

        assertThat(fixtures.in(university, () -> interests.offered(id)))
                .extracting(Interest::name)
                .containsExactly("Software");
        assertThat(fixtures.in(university, () -> interests.ofUser(id, student.id())))
                .containsExactly(
                        new Interest(finance.id(), "Finance", true), new Interest(software.id(), "Software", false));
        // choosing again keeps the retired pick on history and refuses to add it anew
        fixtures.run(university, () -> interests.choose(id, student.id(), List.of()));
        assertThat(fixtures.in(university, () -> interests.ofUser(id, student.id())))
                .extracting(Interest::name)
                .containsExactly("Finance");
        assertThatThrownBy(
                        () -> fixtures.run(university, () -> interests.choose(id, student.id(), List.of(finance.id()))))
                .isInstanceOf(InterestException.class)
                .hasMessageContaining("offered");
    }

    @Test
    void namesAreRequiredShortAndUniqueIgnoringCase() {
        University university = fixtures.university();
        long id = university.id();
        fixtures.run(university, () -> interests.add(id, "Consulting", "staff@x"));
        assertThatThrownBy(() -> fixtures.run(university, () -> interests.add(id, "consulting", "staff@x")))
                .isInstanceOf(InterestException.class)
                .hasMessageContaining("already");
        assertThatThrownBy(() -> fixtures.run(university, () -> interests.add(id, " ", "staff@x")))
                .hasMessage("Enter a name.");
        assertThatThrownBy(() -> fixtures.run(university, () -> interests.add(id, "x".repeat(61), "staff@x")))
                .hasMessageContaining("under 60");
    }

    @Test
    void audiencesPageThroughStudentsWithAnyInterest() {
        University university = fixtures.university();
        long id = university.id();
        Interest research = fixtures.in(university, () -> interests.add(id, "Research", "staff@x"));
        Interest publicSector = fixtures.in(university, () -> interests.add(id, "Public sector", "staff@x"));
        User first = fixtures.student(university);
        User second = fixtures.student(university);
        User uninterested = fixtures.student(university);
        fixtures.run(university, () -> interests.choose(id, first.id(), List.of(research.id(), publicSector.id())));
        fixtures.run(university, () -> interests.choose(id, second.id(), List.of(publicSector.id())));

        List<Long> both = List.of(research.id(), publicSector.id());
        assertThat(fixtures.in(university, () -> interests.usersInterestedInAny(id, both, 0, 10)))
                .containsExactly(first.id(), second.id())
                .doesNotContain(uninterested.id());
        assertThat(fixtures.in(university, () -> interests.usersInterestedInAny(id, both, first.id(), 10)))
                .containsExactly(second.id());
        assertThat(fixtures.in(university, () -> interests.popularity(id)))
                .extracting(p -> p.interest().name() + "=" + p.students())
                .containsExactly("Public sector=2", "Research=1");
    }

    @Test
    void anotherUniversitysInterestsCannotBeSeenOrPicked() {
        University a = fixtures.university();
        University b = fixtures.university();
        Interest ofA = fixtures.in(a, () -> interests.add(a.id(), "Software", "staff@a"));
        User studentOfB = fixtures.student(b);

        assertThat(fixtures.in(b, () -> interests.all(b.id()))).isEmpty();
        assertThat(fixtures.in(b, () -> interests.byIds(b.id(), List.of(ofA.id()))))
                .isEmpty();
        assertThatThrownBy(() -> fixtures.run(b, () -> interests.choose(b.id(), studentOfB.id(), List.of(ofA.id()))))
                .isInstanceOf(InterestException.class);
        assertThatThrownBy(() -> fixtures.run(b, () -> interests.rename(b.id(), ofA.id(), "Mine", "staff@b")))
                .hasMessageContaining("No such interest");
    }
}
