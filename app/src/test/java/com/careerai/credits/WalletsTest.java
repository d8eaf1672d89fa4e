package com.careerai.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.exceptions.UnexpectedRollbackException;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class WalletsTest extends IntegrationTest {
    @Inject
    Wallets wallets;

    @Inject
    WalletFixtures walletFixtures;

    @Inject
    Fixtures fixtures;

    @Inject
    LedgerAudit audit;

    @Inject
    AllowanceDefaults defaults;

    @Inject
    CallerTransaction caller;

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<Connection> transactions;

    University uni;
    University other;

    @BeforeAll
    void universities() {
        uni = fixtures.university();
        other = fixtures.university();
    }

    @AfterEach
    void ledgerStaysConsistent() {
        assertThat(fixtures.in(uni, () -> audit.audit(uni.id())).problems()).isEmpty();
        assertThat(fixtures.in(other, () -> audit.audit(other.id())).problems()).isEmpty();
    }

    @Test
    void studentReceivesTheDefaultAllowanceOnceAtSignUp() {
        fixtures.run(uni, () -> {
            User student = walletFixtures.signedUpStudent(uni);
            assertThat(wallets.balances(uni.id(), student.id())).isEqualTo(new Balances(20, 3));

            walletFixtures.signUp(student); // a repeated event grants nothing more
            assertThat(wallets.balances(uni.id(), student.id())).isEqualTo(new Balances(20, 3));
            LedgerPage history = wallets.history(uni.id(), student.id(), 1);
            assertThat(history.entries())
                    .extracting(LedgerEntry::type, LedgerEntry::amount, entry -> entry.reason()
                            .orElseThrow())
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(TransactionType.GRANT, 3, "Welcome allowance"),
                            org.assertj.core.groups.Tuple.tuple(TransactionType.GRANT, 20, "Welcome allowance"));
        });
    }

    @Test
    void staffGetAnEmptyWalletAndNoAllowance() {
        fixtures.run(uni, () -> {
            User staff = walletFixtures.signedUpStaff(uni);
            assertThat(wallets.balances(uni.id(), staff.id())).isEqualTo(Balances.EMPTY);
            assertThat(wallets.history(uni.id(), staff.id(), 1).total()).isZero();
        });
    }

    @Test
    void changedDefaultsApplyToStudentsWhoSignUpLaterAndAreAudited() {
        University own = fixtures.university();
        fixtures.run(own, () -> {
            User staff = fixtures.staff(own);
            User before = walletFixtures.signedUpStudent(own);

            defaults.change(own.id(), SignedInUser.of(staff), 50, 0, "Bigger allowance this year");

            User after = walletFixtures.signedUpStudent(own);
            assertThat(wallets.balances(own.id(), after.id())).isEqualTo(new Balances(50, 0));
            assertThat(wallets.balances(own.id(), before.id())).isEqualTo(new Balances(20, 3));
            assertThat(auditDetails(own, "credits.defaults.changed"))
                    .contains("Bigger allowance this year")
                    .contains("\"from\": 20")
                    .contains("\"to\": 50");
        });
    }

    @Test
    void debitTakesTheConfiguredCostOncePerRun() {
        fixtures.run(uni, () -> {
            User student = walletFixtures.studentWith(uni, 20, 0);
            UUID run = UUID.randomUUID();

            LedgerEntry debit = wallets.debit(uni.id(), student.id(), "job-pack", Currency.SILVER, run);
            LedgerEntry replay = wallets.debit(uni.id(), student.id(), "job-pack", Currency.SILVER, run);

            assertThat(debit.amount()).isEqualTo(-5);
            assertThat(debit.runId()).isEqualTo(run);
            assertThat(replay.id()).isEqualTo(debit.id());
            assertThat(wallets.balances(uni.id(), student.id())).isEqualTo(new Balances(15, 0));
            assertThat(walletFixtures.count(student, TransactionType.DEBIT)).isEqualTo(1);
        });
    }

    @Test
    void payForRunTakesTheCostOncePerRunAsDebitDoes() {
        fixtures.run(uni, () -> {
            User student = walletFixtures.studentWith(uni, 7, 0);
            UUID run = UUID.randomUUID();

            wallets.payForRun(uni.id(), student.id(), "job-pack", Currency.SILVER, run);
            wallets.payForRun(uni.id(), student.id(), "job-pack", Currency.SILVER, run);
            LedgerEntry replay = wallets.debit(uni.id(), student.id(), "job-pack", Currency.SILVER, run);

            assertThat(replay.amount()).isEqualTo(-5);
            assertThat(replay.runId()).isEqualTo(run);
            assertThat(replay.idempotencyKey()).isEqualTo("debit:" + run);
            assertThat(wallets.balances(uni.id(), student.id())).isEqualTo(new Balances(2, 0));
            assertThat(walletFixtures.count(student, TransactionType.DEBIT)).isEqualTo(1);

            InsufficientCreditsException refused = catchThrowableOfType(
                    InsufficientCreditsException.class,
                    () -> wallets.payForRun(uni.id(), student.id(), "job-pack", Currency.SILVER, UUID.randomUUID()));
            assertThat(refused.balance()).isEqualTo(2);
            assertThat(wallets.balances(uni.id(), student.id())).isEqualTo(new Balances(2, 0));
            assertThat(walletFixtures.count(student, TransactionType.DEBIT)).isEqualTo(1);

            User other = walletFixtures.studentWith(uni, 20, 20);
            assertThatThrownBy(() -> wallets.payForRun(uni.id(), other.id(), "job-pack", Currency.SILVER, run))
                    .as("another student's run id")
                    .isInstanceOf(CreditOperationException.class);
            assertThatThrownBy(() -> wallets.payForRun(uni.id(), student.id(), "job-pack", Currency.GOLD, run))
                    .as("the same run in the other currency")
                    .isInstanceOf(CreditOperationException.class);
            assertThat(wallets.balances(uni.id(), other.id())).isEqualTo(new Balances(20, 20));
        });
    }

    @Test
    void debitFailsWhenBalanceTooLowAndOffersTheOtherCurrency() {
        fixtures.run(uni, () -> {
            User student = walletFixtures.studentWith(uni, 2, 3);

            InsufficientCreditsException refused = catchThrowableOfType(
                    InsufficientCreditsException.class,
                    () -> wallets.debit(uni.id(), student.id(), "job-pack", Currency.SILVER, UUID.randomUUID()));

            assertThat(refused.status().getCode()).isEqualTo(402);
            assertThat(refused.errorCode()).isEqualTo(CreditErrorCode.NOT_ENOUGH_CREDITS);
            assertThat(refused.cost()).isEqualTo(5);
            assertThat(refused.balance()).isEqualTo(2);
            assertThat(refused.alternative()).contains(new InsufficientCreditsException.Alternative(Currency.GOLD, 1));
            assertThat(wallets.balances(uni.id(), student.id())).isEqualTo(new Balances(2, 3));
            assertThat(walletFixtures.count(student, TransactionType.DEBIT)).isZero();
        });
    }

    @Test
    void refusalOffersNothingWhenTheOtherCurrencyCannotPayEither() {
        fixtures.run(uni, () -> {
            User student = walletFixtures.studentWith(uni, 2, 0);
            InsufficientCreditsException refused = catchThrowableOfType(
                    InsufficientCreditsException.class,
                    () -> wallets.debit(uni.id(), student.id(), "job-pack", Currency.GOLD, UUID.randomUUID()));
            assertThat(refused.alternative()).isEmpty();
        });
    }

    @Test
    void userWithoutWalletCannotPay() {
        fixtures.run(uni, () -> {
            User student = fixtures.student(uni);
            assertThatThrownBy(() ->
                            wallets.debit(uni.id(), student.id(), "cv-analysis", Currency.SILVER, UUID.randomUUID()))
                    .isInstanceOf(InsufficientCreditsException.class);
        });
    }

    @Test
    void unknownToolOrCurrencyNotOfferedIsRefused() {
        fixtures.run(uni, () -> {
            User student = walletFixtures.studentWith(uni, 20, 3);
            assertThat(catchThrowableOfType(
                                    CreditOperationException.class,
                                    () -> wallets.debit(
                                            uni.id(),
                                            student.id(),
                                            "internship-finder",
                                            Currency.GOLD,
                                            UUID.randomUUID()))
                            .errorCode())
                    .isEqualTo(CreditErrorCode.CURRENCY_NOT_OFFERED);
            assertThat(catchThrowableOfType(
                                    CreditOperationException.class,
                                    () -> wallets.debit(
                                            uni.id(), student.id(), "no-such-tool", Currency.SILVER, UUID.randomUUID()))
                            .errorCode())
                    .isEqualTo(CreditErrorCode.UNKNOWN_FEATURE);
            assertThat(wallets.balances(uni.id(), student.id())).isEqualTo(new Balances(20, 3));
        });
    }

    @Test
    void debitRollsBackWithTheCallersTransaction() {
        fixtures.run(uni, () -> {
            User student = walletFixtures.studentWith(uni, 20, 0);
            assertThatThrownBy(() -> caller.debitThenFail(
                            uni.id(), student.id(), "job-pack", Currency.SILVER, UUID.randomUUID()))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(wallets.balances(uni.id(), student.id())).isEqualTo(new Balances(20, 0));
            assertThat(walletFixtures.count(student, TransactionType.DEBIT)).isZero();
        });
    }

    @Test
    void refusedDebitLeavesNoRowEvenWhenTheCallerSwallowsTheRefusal() {
        fixtures.run(uni, () -> {
            User student = walletFixtures.studentWith(uni, 1, 0);
            // The refusal marked the caller's transaction rollback-only: its commit is refused too.
            assertThatThrownBy(() -> caller.debitSwallowingRefusal(
                            uni.id(), student.id(), "job-pack", Currency.SILVER, UUID.randomUUID()))
                    .isInstanceOf(UnexpectedRollbackException.class);
            assertThat(walletFixtures.count(student, TransactionType.DEBIT)).isZero();
            assertThat(wallets.balances(uni.id(), student.id())).isEqualTo(new Balances(1, 0));
        });
    }

    @Test
    void refundGivesBackExactlyWhatTheRunWasDebitedOnce() {
        fixtures.run(uni, () -> {
            User student = walletFixtures.studentWith(uni, 0, 3);
            UUID run = UUID.randomUUID();
            wallets.debit(uni.id(), student.id(), "skill-mapper", Currency.GOLD, run);
            assertThat(wallets.balances(uni.id(), student.id()).gold()).isEqualTo(2);

            LedgerEntry refund = wallets.refund(uni.id(), run).orElseThrow();
            LedgerEntry replay = wallets.refund(uni.id(), run).orElseThrow();

            assertThat(refund.type()).isEqualTo(TransactionType.REFUND);
            assertThat(refund.amount()).isEqualTo(1);
            assertThat(refund.currency()).isEqualTo(Currency.GOLD);
            assertThat(refund.feature()).isEqualTo("skill-mapper");
            assertThat(replay.id()).isEqualTo(refund.id());
            assertThat(wallets.balances(uni.id(), student.id()).gold()).isEqualTo(3);
            assertThat(walletFixtures.count(student, TransactionType.REFUND)).isEqualTo(1);
        });
    }

    @Test
    void refundOfARunNeverDebitedIsANoOp() {
        fixtures.run(uni, () -> {
            long rows = walletFixtures.ledgerRows(uni);
            assertThat(wallets.refund(uni.id(), UUID.randomUUID())).isEmpty();
            assertThat(walletFixtures.ledgerRows(uni)).isEqualTo(rows);
        });
    }

    @Test
    void refundIsScopedToTheUniversity() {
        User student = walletFixtures.studentWith(uni, 5, 0);
        UUID run = UUID.randomUUID();
        fixtures.run(uni, () -> wallets.debit(uni.id(), student.id(), "cv-analysis", Currency.SILVER, run));
        assertThat(fixtures.in(other, () -> wallets.refund(other.id(), run))).isEmpty();
        assertThat(fixtures.in(uni, () -> wallets.balances(uni.id(), student.id()))
                        .silver())
                .isEqualTo(3);
    }

    @Test
    void topUpIsIdempotentByKey() {
        fixtures.run(uni, () -> {
            User student = walletFixtures.studentWith(uni, 0, 0);
            String key = "stripe:evt_" + UUID.randomUUID();

            LedgerEntry first =
                    wallets.topUp(uni.id(), student.id(), Currency.GOLD, 10, key, Map.of("session", "cs_1"));
            LedgerEntry replay =
                    wallets.topUp(uni.id(), student.id(), Currency.GOLD, 10, key, Map.of("session", "cs_1"));

            assertThat(replay.id()).isEqualTo(first.id());
            assertThat(first.metadata()).containsEntry("session", "cs_1");
            assertThat(wallets.balances(uni.id(), student.id())).isEqualTo(new Balances(0, 10));
            assertThat(walletFixtures.count(student, TransactionType.TOPUP)).isEqualTo(1);
        });
    }

    @Test
    void keyUsedForAnotherOperationIsRefused() {
        fixtures.run(uni, () -> {
            User student = walletFixtures.studentWith(uni, 0, 0);
            User another = walletFixtures.studentWith(uni, 0, 0);
            String key = "stripe:evt_" + UUID.randomUUID();
            wallets.topUp(uni.id(), student.id(), Currency.GOLD, 10, key, Map.of());

            assertThat(catchThrowableOfType(
                                    CreditOperationException.class,
                                    () -> wallets.topUp(uni.id(), another.id(), Currency.GOLD, 10, key, Map.of()))
                            .errorCode())
                    .isEqualTo(CreditErrorCode.KEY_REUSED);
            assertThat(wallets.balances(uni.id(), another.id())).isEqualTo(Balances.EMPTY);
        });
    }

    @Test
    void grantsNeedAPositiveAmountAndAReason() {
        fixtures.run(uni, () -> {
            User student = walletFixtures.studentWith(uni, 0, 0);
            assertThat(catchThrowableOfType(
                                    CreditOperationException.class,
                                    () -> wallets.grant(
                                            uni.id(), student.id(), Currency.SILVER, 0, "k1", "test", "why"))
                            .fields())
                    .containsKey("amount");
            assertThat(catchThrowableOfType(
                                    CreditOperationException.class,
                                    () -> wallets.grant(
                                            uni.id(), student.id(), Currency.SILVER, -4, "k2", "test", "why"))
                            .errorCode())
                    .isEqualTo(CreditErrorCode.INVALID_AMOUNT);
            assertThat(catchThrowableOfType(
                                    CreditOperationException.class,
                                    () -> wallets.grant(uni.id(), student.id(), Currency.SILVER, 5, "k3", "test", "  "))
                            .errorCode())
                    .isEqualTo(CreditErrorCode.MISSING_REASON);
            assertThat(wallets.history(uni.id(), student.id(), 1).total()).isZero();
        });
    }

    @Test
    void staffAdjustUpAndDownWithAReasonInTheAuditLog() {
        University own = fixtures.university();
        fixtures.run(own, () -> {
            SignedInUser staff = SignedInUser.of(fixtures.staff(own));
            User student = walletFixtures.signedUpStudent(own);

            wallets.adjust(own.id(), staff, student.id(), Currency.SILVER, 5, "Workshop helper", "adjust:a1");
            wallets.adjust(own.id(), staff, student.id(), Currency.SILVER, -3, "Duplicate grant", "adjust:a2");
            wallets.adjust(
                    own.id(), staff, student.id(), Currency.SILVER, -3, "Duplicate grant", "adjust:a2"); // replay

            assertThat(wallets.balances(own.id(), student.id()).silver()).isEqualTo(22);
            assertThat(walletFixtures.count(student, TransactionType.ADJUSTMENT))
                    .isEqualTo(2);
            assertThat(auditDetails(own, "credits.adjusted"))
                    .contains("Workshop helper")
                    .contains("Duplicate grant");
            assertThat(audit.audit(own.id()).clean()).isTrue();
        });
    }

    @Test
    void negativeAdjustmentCanNeverTakeABalanceBelowZero() {
        fixtures.run(uni, () -> {
            SignedInUser staff = SignedInUser.of(fixtures.staff(uni));
            User student = walletFixtures.studentWith(uni, 4, 0);

            CreditOperationException refused = catchThrowableOfType(
                    CreditOperationException.class,
                    () -> wallets.adjust(uni.id(), staff, student.id(), Currency.SILVER, -5, "Too much", "adjust:neg"));

            assertThat(refused.errorCode()).isEqualTo(CreditErrorCode.BALANCE_WOULD_GO_NEGATIVE);
            assertThat(refused.fields()).containsKey("delta");
            assertThat(wallets.balances(uni.id(), student.id()).silver()).isEqualTo(4);
            assertThat(walletFixtures.count(student, TransactionType.ADJUSTMENT))
                    .isZero();
        });
    }

    @Test
    void staffOfOneUniversityCannotAdjustAnothersStudent() {
        SignedInUser staffOfA = SignedInUser.of(fixtures.staff(uni));
        User studentOfB = walletFixtures.signedUpStudent(other);
        long rowsA = walletFixtures.ledgerRows(uni);
        long rowsB = walletFixtures.ledgerRows(other);

        assertThatThrownBy(() -> fixtures.run(
                        uni,
                        () -> wallets.adjust(
                                uni.id(), staffOfA, studentOfB.id(), Currency.SILVER, 10, "Cross-tenant", "adjust:x")))
                .isInstanceOf(UnknownStudentException.class);
        assertThatThrownBy(() -> fixtures.run(
                        other,
                        () -> wallets.adjust(
                                other.id(),
                                staffOfA,
                                studentOfB.id(),
                                Currency.SILVER,
                                10,
                                "Cross-tenant",
                                "adjust:y")))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(fixtures.in(other, () -> wallets.balances(other.id(), studentOfB.id())))
                .isEqualTo(new Balances(20, 3));
        assertThat(walletFixtures.ledgerRows(uni)).isEqualTo(rowsA);
        assertThat(walletFixtures.ledgerRows(other)).isEqualTo(rowsB);
    }

    @Test
    void onlyStudentsBalancesAreAdjusted() {
        fixtures.run(uni, () -> {
            SignedInUser staff = SignedInUser.of(fixtures.staff(uni));
            User colleague = walletFixtures.signedUpStaff(uni);
            assertThat(catchThrowableOfType(
                                    CreditOperationException.class,
                                    () -> wallets.adjust(
                                            uni.id(), staff, colleague.id(), Currency.GOLD, 3, "Try tools", "adjust:s"))
                            .errorCode())
                    .isEqualTo(CreditErrorCode.NOT_A_STUDENT);
        });
    }

    @Test
    void reversalTakesBackOnlyWhatIsLeftAndReportsTheRest() {
        fixtures.run(uni, () -> {
            User student = walletFixtures.studentWith(uni, 0, 0);
            wallets.topUp(uni.id(), student.id(), Currency.GOLD, 10, "stripe:buy-" + student.id(), Map.of());
            wallets.debit(uni.id(), student.id(), "job-pack", Currency.GOLD, UUID.randomUUID());
            wallets.debit(uni.id(), student.id(), "job-pack", Currency.GOLD, UUID.randomUUID());

            String key = "stripe:refund-" + student.id();
            Reversal reversal =
                    wallets.reverse(uni.id(), student.id(), Currency.GOLD, 10, key, Map.of("charge", "ch_1"));
            Reversal replay = wallets.reverse(uni.id(), student.id(), Currency.GOLD, 10, key, Map.of("charge", "ch_1"));

            assertThat(reversal.reversed()).isEqualTo(8);
            assertThat(reversal.unreversed()).isEqualTo(2);
            assertThat(reversal.entry().amount()).isEqualTo(-8);
            assertThat(reversal.entry().status()).isEqualTo("PARTIAL");
            assertThat(replay).isEqualTo(reversal);
            assertThat(wallets.balances(uni.id(), student.id()).gold()).isZero();
            assertThat(walletFixtures.count(student, TransactionType.REVERSAL)).isEqualTo(1);
        });
    }

    @Test
    void reversalOfAnEmptyWalletReversesNothingButIsRemembered() {
        fixtures.run(uni, () -> {
            User student = walletFixtures.studentWith(uni, 0, 0);
            Reversal reversal =
                    wallets.reverse(uni.id(), student.id(), Currency.GOLD, 5, "stripe:r0-" + student.id(), Map.of());
            assertThat(reversal.reversed()).isZero();
            assertThat(reversal.unreversed()).isEqualTo(5);
            wallets.topUp(uni.id(), student.id(), Currency.GOLD, 5, "stripe:later-" + student.id(), Map.of());
            Reversal replay =
                    wallets.reverse(uni.id(), student.id(), Currency.GOLD, 5, "stripe:r0-" + student.id(), Map.of());
            assertThat(replay.reversed()).isZero();
            assertThat(wallets.balances(uni.id(), student.id()).gold()).isEqualTo(5);
        });
    }

    @Test
    void historyIsPagedNewestFirst() {
        fixtures.run(uni, () -> {
            User student = walletFixtures.studentWith(uni, 0, 0);
            for (int i = 1; i <= 25; i++) {
                wallets.grant(
                        uni.id(), student.id(), Currency.SILVER, i, "page:" + student.id() + ":" + i, "test", "n" + i);
            }
            LedgerPage first = wallets.history(uni.id(), student.id(), 1);
            LedgerPage second = wallets.history(uni.id(), student.id(), 2);
            assertThat(first.total()).isEqualTo(25);
            assertThat(first.pages()).isEqualTo(2);
            assertThat(first.entries())
                    .hasSize(20)
                    .first()
                    .extracting(LedgerEntry::amount)
                    .isEqualTo(25);
            assertThat(second.entries())
                    .hasSize(5)
                    .last()
                    .extracting(LedgerEntry::amount)
                    .isEqualTo(1);
            assertThat(second.hasNext()).isFalse();
        });
    }

    @Test
    void walletsAndLedgerAreInvisibleToOtherUniversities() {
        com.careerai.testing.CrossTenant.assertInvisible(
                uni,
                other,
                university -> walletFixtures.studentWith(university, 7, 0),
                (university, student) ->
                        wallets.history(university.id(), student.id(), 1).entries());
        com.careerai.testing.CrossTenant.assertInvisible(
                uni,
                other,
                university -> walletFixtures.studentWith(university, 7, 0),
                (university, student) ->
                        wallets.balances(university.id(), student.id()).silver());
    }

    private String auditDetails(University university, String action) {
        return fixtures.in(
                university,
                () -> transactions.executeRead(status -> jdbc.prepareStatement(
                        "SELECT coalesce(string_agg(details::text, ' '), '') FROM audit_log WHERE university_id = ? AND action = ?",
                        statement -> {
                            statement.setLong(1, university.id());
                            statement.setString(2, action);
                            try (ResultSet rows = statement.executeQuery()) {
                                rows.next();
                                return rows.getString(1);
                            }
                        })));
    }
}
