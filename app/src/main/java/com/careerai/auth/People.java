package com.careerai.auth;

import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Staff managing their university's people: the students list and figures, the team of staff and
 * counsellors, deactivation (which ends the person's sessions at once) and role changes. Every
 * change is audited; staff can neither lock themselves out nor leave the university without an
 * active staff member.
 */
@Singleton
public class People {
    public static final int PAGE_SIZE = 25;

    private final PeopleStore store;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher<UserDeactivated> deactivations;
    private final PageReads reads;

    People(
            PeopleStore store,
            AuditLog auditLog,
            ApplicationEventPublisher<UserDeactivated> deactivations,
            PageReads reads) {
        this.store = store;
        this.auditLog = auditLog;
        this.deactivations = deactivations;
        this.reads = reads;
    }

    /** One page (from 1) of the university's students matching the search, newest first. */
    public PeoplePage students(long universityId, StudentSearch search, int page) {
        return students(studentsQuery(universityId, search, page));
    }

    /**
     * A search of students as of now, whose two reads (the count and the page) a page can send with the
     * header's in one round trip ({@link StudentsQuery#reads}) before it asks for {@link #students(StudentsQuery)}.
     */
    public StudentsQuery studentsQuery(long universityId, StudentSearch search, int page) {
        return new StudentsQuery(
                PeopleStore.studentsReads(universityId, search, Instant.now(), Math.max(1, page), PAGE_SIZE));
    }

    /** The page of students a query reads: the count and the rows in one round trip, none when sent ahead. */
    public PeoplePage students(StudentsQuery query) {
        PeopleStore.StudentsReads parts = query.parts;
        reads.prefetch(parts.both());
        return new PeoplePage(reads.read(parts.rows()), reads.read(parts.count()), parts.page(), parts.pageSize());
    }

    /** A search of students fixed at an instant: what {@link #students(StudentsQuery)} reads. */
    public static final class StudentsQuery {
        private final PeopleStore.StudentsReads parts;

        private StudentsQuery(PeopleStore.StudentsReads parts) {
            this.parts = parts;
        }

        /** The count's and the page's reads, for a page to send ahead with its own (ADR 0076). */
        public List<PageRead<?>> reads() {
            return parts.both();
        }
    }

    /** The staff home's figures of students: in all, joined and signed in since {@code since}, deactivated. */
    public StudentFigures studentFigures(long universityId, Instant since) {
        return reads.read(studentFiguresRead(universityId, since));
    }

    /** What {@link #studentFigures} reads, for a page to read ahead with others (ADR 0076). */
    public PageRead<StudentFigures> studentFiguresRead(long universityId, Instant since) {
        return PeopleStore.studentFiguresRead(universityId, since);
    }

    /** A student of the university; empty for anyone else (another university's id included). */
    public Optional<Person> student(long universityId, long userId) {
        return reads.read(PeopleStore.findRead(universityId, userId)).filter(person -> person.role() == Role.STUDENT);
    }

    /** What {@link #student} reads, for a page to read ahead with others (ADR 0076). */
    public PageRead<?> studentRead(long universityId, long userId) {
        return PeopleStore.findRead(universityId, userId);
    }

    /** Staff and counsellors, staff first. */
    public List<Person> team(long universityId) {
        return reads.read(PeopleStore.teamRead(universityId));
    }

    /** Invitations to the team (staff, counsellors) neither accepted nor expired, newest first, at most 200. */
    public List<Invitation> pendingTeamInvitations(long universityId) {
        return reads.read(PeopleStore.pendingTeamInvitationsRead(universityId));
    }

    /** What the team page reads ({@link #team}, {@link #pendingTeamInvitations}), to send with the header's (ADR 0076). */
    public List<PageRead<?>> teamPageReads(long universityId) {
        return List.of(PeopleStore.teamRead(universityId), PeopleStore.pendingTeamInvitationsRead(universityId));
    }

    /** Which of these normalised addresses already have an account here. */
    @Transactional(readOnly = true)
    public Set<String> existingEmails(long universityId, Collection<String> emails) {
        return store.existingEmails(universityId, emails);
    }

    /**
     * Deactivates a person: they cannot sign in, and every session of theirs ends now. Doing it
     * again changes nothing.
     *
     * @throws PeopleException 404 for someone not of this university, 409 for oneself or the last
     *     active staff member
     */
    @Transactional
    public Person deactivate(long universityId, SignedInUser staff, long userId) {
        Person person = store.lock(universityId, userId).orElseThrow(PeopleException::notFound);
        if (person.id() == staff.userId()) {
            throw PeopleException.refused(
                    "cannot_deactivate_self", "You cannot deactivate yourself; ask another staff member.");
        }
        if (person.role() == Role.STAFF && person.active()) {
            requireAnotherActiveStaff(universityId, userId);
        }
        if (store.deactivate(universityId, userId, Instant.now())) {
            audit(universityId, staff, "user.deactivated", person);
            deactivations.publishEvent(new UserDeactivated(universityId, userId));
        }
        return store.find(universityId, userId).orElseThrow();
    }

    /** Lets a deactivated person sign in again (their old sessions stay ended). */
    @Transactional
    public Person reactivate(long universityId, SignedInUser staff, long userId) {
        Person person = store.lock(universityId, userId).orElseThrow(PeopleException::notFound);
        if (store.reactivate(universityId, userId)) {
            audit(universityId, staff, "user.reactivated", person);
        }
        return store.find(universityId, userId).orElseThrow();
    }

    /**
     * Moves a member of the team between STAFF and COUNSELLOR.
     *
     * @throws PeopleException 404 for someone not on the team, 409 for one's own role or the last
     *     active staff member, 422 for a role other than staff or counsellor
     */
    @Transactional
    public Person changeRole(long universityId, SignedInUser staff, long userId, Role role) {
        if (role == Role.STUDENT) {
            throw PeopleException.invalid("Choose staff or counsellor.");
        }
        Person person = store.lock(universityId, userId)
                .filter(found -> found.role() != Role.STUDENT)
                .orElseThrow(PeopleException::notFound);
        if (person.role() == role) {
            return person;
        }
        if (person.id() == staff.userId()) {
            throw PeopleException.refused(
                    "cannot_change_own_role",
                    "You cannot change your own role: you would lose the staff pages. Ask another staff member.");
        }
        if (person.role() == Role.STAFF && person.active()) {
            requireAnotherActiveStaff(universityId, userId);
        }
        store.changeRole(universityId, userId, role);
        auditLog.record(
                universityId,
                actor(staff),
                "user.role.changed",
                Map.of("user", userId, "from", person.role().name(), "to", role.name()));
        return store.find(universityId, userId).orElseThrow();
    }

    private void requireAnotherActiveStaff(long universityId, long leaving) {
        if (store.lockActiveStaff(universityId).stream().noneMatch(id -> id != leaving)) {
            throw PeopleException.refused(
                    "last_staff_member", "This is the last active staff member; invite or promote someone else first.");
        }
    }

    private void audit(long universityId, SignedInUser staff, String action, Person person) {
        auditLog.record(
                universityId,
                actor(staff),
                action,
                Map.of(
                        "user",
                        person.id(),
                        "email",
                        person.email(),
                        "role",
                        person.role().name()));
    }

    private static String actor(SignedInUser staff) {
        return "user:" + staff.userId();
    }
}
