package com.careerai.credits;

import com.careerai.auth.Role;
import com.careerai.auth.User;
import com.careerai.auth.UserSignedUp;
import com.careerai.platform.data.UnitOfWork;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;

/**
 * Students with wallets (opened the way sign-in opens them) and ledger facts for credit tests. Each
 * helper binds the university it works on, as a job would (ADR 0010), so callers need not.
 */
@Singleton
public class WalletFixtures {
    private final Fixtures fixtures;
    private final ApplicationEventPublisher<UserSignedUp> signUps;
    private final Wallets wallets;
    private final JdbcOperations jdbc;
    private final UnitOfWork units;

    WalletFixtures(
            Fixtures fixtures,
            ApplicationEventPublisher<UserSignedUp> signUps,
            Wallets wallets,
            JdbcOperations jdbc,
            UnitOfWork units) {
        this.units = units;
        this.fixtures = fixtures;
        this.signUps = signUps;
        this.wallets = wallets;
        this.jdbc = jdbc;
    }

    /** A student who has just signed up: wallet opened with the university's defaults. */
    public User signedUpStudent(University university) {
        User student = fixtures.student(university);
        signUp(student);
        return student;
    }

    public User signedUpStaff(University university) {
        User staff = fixtures.staff(university);
        signUp(staff);
        return staff;
    }

    /** Publishes {@link UserSignedUp} in a transaction, as sign-in does when it creates the user. */
    public void signUp(User user) {
        units.runInUniversity(
                user.universityId(),
                () -> signUps.publishEvent(new UserSignedUp(user.universityId(), user.id(), user.role())));
    }

    /** A student whose wallet holds exactly these balances (from the sign-up grant and staff grants). */
    public User studentWith(University university, int silver, int gold) {
        User student = fixtures.student(university);
        fixtures.run(university, () -> fill(university, student, silver, gold));
        return student;
    }

    private void fill(University university, User student, int silver, int gold) {
        wallets.openWallet(university.id(), student.id(), Role.COUNSELLOR); // empty wallet, no allowance
        if (silver > 0) {
            wallets.grant(
                    university.id(),
                    student.id(),
                    Currency.SILVER,
                    silver,
                    "test:" + student.id() + ":s",
                    "test",
                    "setup");
        }
        if (gold > 0) {
            wallets.grant(
                    university.id(), student.id(), Currency.GOLD, gold, "test:" + student.id() + ":g", "test", "setup");
        }
    }

    /** How many ledger rows of {@code type} the user has. */
    public long count(User user, TransactionType type) {
        return units.inUniversity(
                user.universityId(),
                () -> jdbc.prepareStatement(
                        "SELECT count(*) FROM credit_transactions WHERE university_id = ? AND user_id = ? AND type = ?",
                        statement -> {
                            statement.setLong(1, user.universityId());
                            statement.setLong(2, user.id());
                            statement.setString(3, type.name());
                            try (ResultSet rows = statement.executeQuery()) {
                                rows.next();
                                return rows.getLong(1);
                            }
                        }));
    }

    /** How many ledger rows the university has. */
    public long ledgerRows(University university) {
        return units.inUniversity(
                university.id(),
                () -> jdbc.prepareStatement(
                        "SELECT count(*) FROM credit_transactions WHERE university_id = ?", statement -> {
                            statement.setLong(1, university.id());
                            try (ResultSet rows = statement.executeQuery()) {
                                rows.next();
                                return rows.getLong(1);
                            }
                        }));
    }
}
