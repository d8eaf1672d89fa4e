package com.careerai.credits;

import com.careerai.auth.Role;
import com.careerai.auth.User;
import com.careerai.auth.UserSignedUp;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;

/** Students with wallets (opened the way sign-in opens them) and ledger facts for credit tests. */
@Singleton
public class WalletFixtures {
    private final Fixtures fixtures;
    private final ApplicationEventPublisher<UserSignedUp> signUps;
    private final Wallets wallets;
    private final JdbcOperations jdbc;

    WalletFixtures(
            Fixtures fixtures, ApplicationEventPublisher<UserSignedUp> signUps, Wallets wallets, JdbcOperations jdbc) {
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
    @Transactional
    public void signUp(User user) {
        signUps.publishEvent(new UserSignedUp(user.universityId(), user.id(), user.role()));
    }

    /** A student whose wallet holds exactly these balances (from the sign-up grant and staff grants). */
    public User studentWith(University university, int silver, int gold) {
        User student = fixtures.student(university);
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
        return student;
    }

    /** How many ledger rows of {@code type} the user has. */
    @Connectable
    public long count(User user, TransactionType type) {
        return jdbc.prepareStatement(
                "SELECT count(*) FROM credit_transactions WHERE university_id = ? AND user_id = ? AND type = ?",
                statement -> {
                    statement.setLong(1, user.universityId());
                    statement.setLong(2, user.id());
                    statement.setString(3, type.name());
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        return rows.getLong(1);
                    }
                });
    }

    /** How many ledger rows the university has. */
    @Connectable
    public long ledgerRows(University university) {
        return jdbc.prepareStatement("SELECT count(*) FROM credit_transactions WHERE university_id = ?", statement -> {
            statement.setLong(1, university.id());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
