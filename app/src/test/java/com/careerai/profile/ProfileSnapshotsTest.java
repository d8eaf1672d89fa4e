package com.careerai.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.platform.data.UnitOfWork;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.StatementCounter;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The career profile and the default resume's name are read from Redis (issue 19, ADR 0067) and
 * every writer is seen at the very next read: profile edits, each kind of resume write, erasure; a
 * read from before a write's commit is never kept after it.
 */
@MicronautTest(transactional = false)
class ProfileSnapshotsTest extends IntegrationTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @Inject
    Fixtures fixtures;

    @Inject
    CareerProfiles profiles;

    @Inject
    SavedResumes resumes;

    @Inject
    ProfileSnapshots snapshots;

    @Inject
    ProfileStore store;

    @Inject
    ProfilePersonalData personalData;

    @Inject
    UnitOfWork units;

    @Inject
    StatementCounter counter;

    University a;
    University b;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.test.count-statements", "true");
    }

    @BeforeAll
    void universities() {
        a = fixtures.university();
        b = fixtures.university();
    }

    private ZoneId zone(User student) {
        return fixtures.in(a, () -> profiles.zoneOf(a.id(), student.id()));
    }

    private Optional<String> defaultResume(User student) {
        return fixtures.in(a, () -> profiles.defaultResumeName(a.id(), student.id()));
    }

    private void saveZone(User student, ZoneId zone) {
        fixtures.run(a, () -> profiles.save(a.id(), student.id(), input(zone)));
    }

    private static ProfileInput input(ZoneId zone) {
        return new ProfileInput("Ada", "Maths", null, List.of("Analyst"), List.of(), null, null, zone.getId());
    }

    @Test
    void aKeptProfileIsReadWithoutTheDatabase() {
        User student = fixtures.student(a);
        saveZone(student, LONDON);
        assertThat(zone(student)).isEqualTo(LONDON); // read and kept

        counter.reset();
        assertThat(zone(student)).isEqualTo(LONDON);
        assertThat(fixtures.in(a, () -> profiles.of(a.id(), student.id())).targetRoles())
                .containsExactly("Analyst");
        assertThat(counter.statements())
                .as("statements of the profile kept")
                .noneMatch(sql -> sql.contains("career_profiles"));
    }

    @Test
    void aProfileEditIsSeenAtTheVeryNextRead() {
        User student = fixtures.student(a);
        assertThat(zone(student)).isEqualTo(CareerProfiles.UNIVERSITY_ZONE); // the empty profile, kept
        saveZone(student, LONDON);
        assertThat(zone(student)).isEqualTo(LONDON);
        saveZone(student, KOLKATA);
        assertThat(zone(student)).isEqualTo(KOLKATA);
    }

    @Test
    void everyResumeWriteIsSeenAtTheVeryNextRead() {
        User student = fixtures.student(a);
        assertThat(defaultResume(student)).isEmpty();
        SavedResume first = fixtures.in(a, () -> resumes.add(a.id(), student.id(), "First", "text", false));
        assertThat(defaultResume(student))
                .as("added (the first is the default)")
                .contains("First");

        fixtures.run(a, () -> resumes.update(a.id(), student.id(), first.id(), "Renamed", null, null));
        assertThat(defaultResume(student)).as("renamed").contains("Renamed");

        SavedResume second = fixtures.in(a, () -> resumes.add(a.id(), student.id(), "Second", "text", false));
        assertThat(defaultResume(student)).as("added, not the default").contains("Renamed");
        fixtures.run(a, () -> resumes.makeDefault(a.id(), student.id(), second.id()));
        assertThat(defaultResume(student)).as("made the default").contains("Second");

        fixtures.run(a, () -> resumes.delete(a.id(), student.id(), second.id()));
        assertThat(defaultResume(student))
                .as("deleted: the newest left is the default")
                .contains("Renamed");
        fixtures.run(a, () -> resumes.delete(a.id(), student.id(), first.id()));
        assertThat(defaultResume(student)).as("none left").isEmpty();
    }

    @Test
    void anErasedProfileIsGoneAtTheVeryNextRead() {
        User student = fixtures.student(a);
        saveZone(student, LONDON);
        fixtures.run(a, () -> resumes.add(a.id(), student.id(), "Mine", "text", true));
        assertThat(zone(student)).isEqualTo(LONDON);
        assertThat(defaultResume(student)).contains("Mine");

        units.runInUniversity(a.id(), () -> personalData.erase(a.id(), student.id()));
        assertThat(zone(student)).isEqualTo(CareerProfiles.UNIVERSITY_ZONE);
        assertThat(defaultResume(student)).isEmpty();
    }

    @Test
    void aRowReadBeforeAWriteCommitsIsNotKeptAfterIt() {
        User student = fixtures.student(a);
        saveZone(student, LONDON);
        // a reader misses the snapshot and reads the row; a writer commits before the reader keeps it
        ProfileStore.Row read = fixtures.in(
                a,
                () -> snapshots.row(a.id(), student.id(), () -> {
                    ProfileStore.Row before = store.row(a.id(), student.id());
                    profiles.save(a.id(), student.id(), input(KOLKATA)); // committed: no transaction around
                    return before;
                }));
        assertThat(read.details().orElseThrow().timeZone()).isEqualTo(LONDON.getId());
        assertThat(zone(student)).as("the reader's row was not kept").isEqualTo(KOLKATA);
    }

    @Test
    void nothingIsKeptWhileAWriterIsInItsTransaction() {
        User student = fixtures.student(a);
        saveZone(student, LONDON);
        assertThat(zone(student)).isEqualTo(LONDON);
        units.runInUniversity(a.id(), () -> {
            profiles.save(a.id(), student.id(), input(KOLKATA));
            // another request reads the committed past now: it must not keep it
            ProfileStore.Row past = new ProfileStore.Row(Optional.empty(), "Committed past");
            assertThat(snapshots.row(a.id(), student.id(), () -> past)).isSameAs(past);
            assertThat(snapshots.row(a.id(), student.id(), () -> past))
                    .as("read again: nothing was kept")
                    .isSameAs(past);
        });
        assertThat(zone(student)).isEqualTo(KOLKATA);
        assertThat(defaultResume(student)).isEmpty();
    }

    @Test
    void aRolledBackWriteEndsItsMark() {
        User student = fixtures.student(a);
        saveZone(student, LONDON);
        try {
            units.runInUniversity(a.id(), () -> {
                profiles.save(a.id(), student.id(), input(KOLKATA));
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("roll back");
        }
        assertThat(zone(student)).isEqualTo(LONDON);
        counter.reset();
        assertThat(zone(student)).isEqualTo(LONDON);
        assertThat(counter.statements()).as("kept again").isEmpty();
    }

    @Test
    void oneUniversitysSnapshotIsNeverReadForAnother() {
        User student = fixtures.student(a);
        saveZone(student, LONDON);
        assertThat(zone(student)).isEqualTo(LONDON); // kept under a
        ProfileStore.Row none = new ProfileStore.Row(Optional.empty(), null);
        assertThat(fixtures.in(b, () -> snapshots.row(b.id(), student.id(), () -> none)))
                .as("the same person id under b: b's own read")
                .isSameAs(none);
        assertThat(fixtures.in(b, () -> profiles.zoneOf(b.id(), student.id())))
                .isEqualTo(CareerProfiles.UNIVERSITY_ZONE);
    }
}
