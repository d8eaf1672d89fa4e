package com.careerai.testing;

import com.careerai.auth.Role;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.platform.data.UnitOfWork;
import com.careerai.tenancy.NewUniversity;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import com.careerai.tenancy.UniversityStatus;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Builds universities and users for tests through the application's own services. */
@Singleton
public class Fixtures {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final UniversityAdministration universities;
    private final UserAccounts users;

    private final com.careerai.auth.SignInService signIns;

    private final UnitOfWork units;

    Fixtures(
            UniversityAdministration universities,
            UserAccounts users,
            com.careerai.auth.SignInService signIns,
            UnitOfWork units) {
        this.units = units;
        this.signIns = signIns;
        this.universities = universities;
        this.users = users;
    }

    /**
     * Runs {@code work} as a job or tenant-admin would: bound to {@code university}, so the
     * database shows it that university's rows only. Tests that call services directly use this.
     */
    public <T> T in(University university, Supplier<T> work) {
        return units.bound(university.id(), work);
    }

    public void run(University university, Runnable work) {
        units.runBound(university.id(), work);
    }

    /**
     * Marks the student Pro, as billing does when a subscription of theirs to a plan becomes active: for a
     * test that writes the subscription row itself ({@code users.is_pro} goes with an active plan).
     */
    public void markPro(University university, User student) {
        run(university, () -> users.setPro(university.id(), student.id(), true));
    }

    /** A new active university whose students use {@code <subdomain>.edu}. */
    public University university(String subdomain) {
        return universities.createIfAbsent(new NewUniversity(
                "University of " + subdomain, subdomain, List.of(subdomain + ".edu"), 20, 3, "#A31F34", null));
    }

    /** A new active university with a unique subdomain. */
    public University university() {
        return university("uni" + SEQUENCE.incrementAndGet());
    }

    public University suspend(University university) {
        return universities.update(new University(
                university.id(),
                university.name(),
                university.subdomain(),
                university.allowedDomains(),
                university.defaultSilver(),
                university.defaultGold(),
                UniversityStatus.SUSPENDED,
                university.brandColor(),
                university.logoUrl(),
                university.createdAt()));
    }

    public User student(University university) {
        int n = SEQUENCE.incrementAndGet();
        return units.bound(
                university.id(),
                () -> users.ensure(
                        university.id(),
                        "student" + n + "@" + university.allowedDomains().get(0),
                        "Student " + n,
                        Role.STUDENT));
    }

    /** A student who has signed in with a code once: email verified, as every tool requires. */
    public User verifiedStudent(University university) {
        User student = student(university);
        return units.bound(university.id(), () -> signIns.completeEmailSignIn(university, student.email()));
    }

    public User staff(University university) {
        int n = SEQUENCE.incrementAndGet();
        return units.bound(
                university.id(),
                () -> users.ensure(
                        university.id(),
                        "staff" + n + "@" + university.allowedDomains().get(0),
                        "Staff " + n,
                        Role.STAFF));
    }
}
