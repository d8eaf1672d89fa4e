package com.careerai.interests;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.platform.data.UnitOfWork;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.StatementCounter;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A student's interests are read from Redis (issue 19, ADR 0067) and every write is seen at the very
 * next read: their own choice and erasure, and staff renaming or retiring a category any student
 * picked (the university's catalogue stamp); a read from before a write's commit is never kept after it.
 */
@MicronautTest(transactional = false)
class InterestSnapshotsTest extends IntegrationTest {
    @Inject
    Fixtures fixtures;

    @Inject
    Interests interests;

    @Inject
    InterestSnapshots snapshots;

    @Inject
    InterestStore store;

    @Inject
    InterestsPersonalData personalData;

    @Inject
    UnitOfWork units;

    @Inject
    StatementCounter counter;

    University a;
    University b;
    Interest software;
    Interest finance;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.test.count-statements", "true");
    }

    @BeforeAll
    void universities() {
        a = fixtures.university();
        b = fixtures.university();
        software = fixtures.in(a, () -> interests.add(a.id(), "Software", "staff@x"));
        finance = fixtures.in(a, () -> interests.add(a.id(), "Finance", "staff@x"));
    }

    private List<Interest> of(User student) {
        return fixtures.in(a, () -> interests.ofUser(a.id(), student.id()));
    }

    private User studentWith(Interest... picks) {
        User student = fixtures.student(a);
        List<Long> ids = Arrays.stream(picks).map(Interest::id).toList();
        fixtures.run(a, () -> interests.choose(a.id(), student.id(), ids));
        return student;
    }

    @Test
    void keptInterestsAreReadWithoutTheDatabase() {
        User student = studentWith(software);
        assertThat(of(student)).containsExactly(software); // read and kept
        counter.reset();
        assertThat(of(student)).containsExactly(software);
        assertThat(counter.statements()).as("statements").isEmpty();
        assertThat(counter.connections()).as("connections").isZero();
    }

    @Test
    void aChoiceIsSeenAtTheVeryNextRead() {
        User student = studentWith(software);
        assertThat(of(student)).containsExactly(software);
        fixtures.run(a, () -> interests.choose(a.id(), student.id(), List.of(software.id(), finance.id())));
        assertThat(of(student)).containsExactly(finance, software);
        fixtures.run(a, () -> interests.choose(a.id(), student.id(), List.of()));
        assertThat(of(student)).isEmpty();
    }

    @Test
    void aRenamedOrRetiredCategoryIsSeenAtOnceByEveryStudentWhoPickedIt() {
        Interest design = fixtures.in(a, () -> interests.add(a.id(), "Design", "staff@x"));
        User one = studentWith(design);
        User two = studentWith(design, software);
        assertThat(of(one)).containsExactly(design);
        assertThat(of(two)).containsExactly(design, software);

        fixtures.run(a, () -> interests.rename(a.id(), design.id(), "Product design", "staff@x"));
        Interest renamed = new Interest(design.id(), "Product design", false);
        assertThat(of(one)).containsExactly(renamed);
        assertThat(of(two)).containsExactly(renamed, software);

        fixtures.run(a, () -> interests.retire(a.id(), design.id(), "staff@x"));
        Interest retired = new Interest(design.id(), "Product design", true);
        assertThat(of(one)).containsExactly(retired);
        assertThat(of(two)).containsExactly(retired, software);

        counter.reset();
        assertThat(of(one)).containsExactly(retired);
        assertThat(counter.statements())
                .as("kept again under the new catalogue stamp")
                .isEmpty();
    }

    @Test
    void erasedInterestsAreGoneAtTheVeryNextRead() {
        User student = studentWith(software);
        assertThat(of(student)).containsExactly(software);
        units.runInUniversity(a.id(), () -> personalData.erase(a.id(), student.id()));
        assertThat(of(student)).isEmpty();
    }

    @Test
    void picksReadBeforeAChoiceCommitsAreNotKeptAfterIt() {
        User student = studentWith(software);
        List<Interest> read = fixtures.in(
                a,
                () -> snapshots.ofUser(a.id(), student.id(), () -> {
                    List<Interest> before = store.ofUser(a.id(), student.id());
                    interests.choose(a.id(), student.id(), List.of(finance.id())); // committed: no transaction around
                    return before;
                }));
        assertThat(read).containsExactly(software);
        assertThat(of(student)).containsExactly(finance);
    }

    @Test
    void picksReadBeforeARenameCommitsAreNotKeptAfterIt() {
        Interest data = fixtures.in(a, () -> interests.add(a.id(), "Data", "staff@x"));
        User student = studentWith(data);
        List<Interest> read = fixtures.in(
                a,
                () -> snapshots.ofUser(a.id(), student.id(), () -> {
                    List<Interest> before = store.ofUser(a.id(), student.id());
                    interests.rename(a.id(), data.id(), "Data science", "staff@x");
                    return before;
                }));
        assertThat(read).containsExactly(data);
        assertThat(of(student)).containsExactly(new Interest(data.id(), "Data science", false));
    }

    @Test
    void nothingIsKeptWhileARenameIsInItsTransaction() {
        Interest law = fixtures.in(a, () -> interests.add(a.id(), "Law", "staff@x"));
        User student = studentWith(law);
        assertThat(of(student)).containsExactly(law);
        List<Interest> past = List.of(law);
        units.runInUniversity(a.id(), () -> {
            interests.rename(a.id(), law.id(), "Corporate law", "staff@x");
            // another request reads the committed past now: it must neither see the kept snapshot nor keep its read
            assertThat(snapshots.ofUser(a.id(), student.id(), () -> past)).isSameAs(past);
            assertThat(snapshots.ofUser(a.id(), student.id(), () -> past)).isSameAs(past);
        });
        assertThat(of(student)).containsExactly(new Interest(law.id(), "Corporate law", false));
    }

    @Test
    void oneUniversitysSnapshotIsNeverReadForAnother() {
        User student = studentWith(software);
        assertThat(of(student)).containsExactly(software); // kept under a
        List<Interest> none = List.of();
        assertThat(fixtures.in(b, () -> snapshots.ofUser(b.id(), student.id(), () -> none)))
                .as("the same person id under b: b's own read")
                .isSameAs(none);
        assertThat(fixtures.in(b, () -> interests.ofUser(b.id(), student.id()))).isEmpty();
        Interest other = fixtures.in(b, () -> interests.add(b.id(), "Other", "staff@x"));
        fixtures.run(b, () -> interests.rename(b.id(), other.id(), "Another", "staff@x"));
        counter.reset();
        assertThat(of(student)).containsExactly(software);
        assertThat(counter.statements())
                .as("b's catalogue change leaves a's snapshots kept")
                .isEmpty();
    }
}
