package com.careerai.privacy;

import com.careerai.auth.UserAccounts;
import com.careerai.auth.otp.EmailProofs;
import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.privacy.PersonalData;
import com.careerai.tenancy.University;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jobrunr.scheduling.JobRequestScheduler;

/**
 * "Delete my account": a code emailed to the account's address confirms the request, a
 * {@link #GRACE} follows in which signing in and cancelling stops it, then every
 * {@link PersonalData} contributor erases its share in one transaction (auth's account last).
 * Staff may erase a student on the student's request, at once (audited).
 */
@Singleton
public class AccountDeletions {
    /** How long a confirmed deletion waits, so a change of mind (or a stolen session) can be undone. */
    public static final Duration GRACE = Duration.ofDays(30);

    private final PrivacyStore store;
    private final TransactionOperations<Connection> transactions;
    private final EmailProofs proofs;
    private final AuditLog auditLog;
    private final PersonalDataContributors contributors;
    private final DataExports exports;
    private final PrivacySchedule schedule;
    private final JobRequestScheduler scheduler;
    private final UserAccounts accounts;

    AccountDeletions(
            PrivacyStore store,
            TransactionOperations<Connection> transactions,
            EmailProofs proofs,
            AuditLog auditLog,
            PersonalDataContributors contributors,
            DataExports exports,
            PrivacySchedule schedule,
            JobRequestScheduler scheduler,
            UserAccounts accounts) {
        this.accounts = accounts;
        this.store = store;
        this.transactions = transactions;
        this.proofs = proofs;
        this.auditLog = auditLog;
        this.contributors = contributors;
        this.exports = exports;
        this.schedule = schedule;
        this.scheduler = scheduler;
    }

    public Optional<AccountDeletion> of(long universityId, long userId) {
        return transactions.executeRead(status -> store.deletionOf(universityId, userId));
    }

    /** Emails a confirmation code to the account's address. */
    public void request(University university, long userId, String email, String clientAddress) {
        if (of(university.id(), userId)
                .filter(deletion -> deletion.status() == AccountDeletion.Status.SCHEDULED)
                .isPresent()) {
            throw PrivacyException.alreadyScheduled();
        }
        proofs.sendCode(university, email, clientAddress);
        transactions.executeWrite(status -> {
            store.awaitCode(university.id(), userId, userId);
            return null;
        });
    }

    /** Checks the emailed code and schedules the erasure after the grace; returns its date. */
    public Instant confirm(
            University university, long userId, String email, @Nullable String code, String clientAddress) {
        if (of(university.id(), userId)
                .filter(deletion -> deletion.status() == AccountDeletion.Status.AWAITING_CODE)
                .isEmpty()) {
            throw PrivacyException.noDeletionPending();
        }
        if (code == null || code.isBlank()) {
            throw PrivacyException.invalid("code", "Enter the 6-digit code we emailed you.");
        }
        proofs.confirm(university, email, code.strip(), clientAddress);
        Instant eraseAt = Instant.now().plus(GRACE);
        transactions.executeWrite(status -> {
            if (store.schedule(university.id(), userId, userId, eraseAt)) {
                accounts.markErasureScheduled(university.id(), userId, eraseAt);
            }
            auditLog.record(
                    university.id(),
                    "user:" + userId,
                    "privacy.deletion.scheduled",
                    Map.of("user", userId, "eraseAt", eraseAt.toString()));
            return null;
        });
        schedule.ensure(university.id());
        return eraseAt;
    }

    /** Stops a requested or scheduled deletion (the person in the grace, or staff). */
    public void cancel(long universityId, long userId, long actorId) {
        transactions.executeWrite(status -> {
            AccountDeletion deletion = store.lockDeletion(universityId, userId)
                    .filter(found -> found.status() == AccountDeletion.Status.AWAITING_CODE
                            || found.status() == AccountDeletion.Status.SCHEDULED)
                    .orElseThrow(PrivacyException::noDeletionPending);
            store.cancel(universityId, userId);
            accounts.markErasureScheduled(universityId, userId, null);
            if (deletion.status() == AccountDeletion.Status.SCHEDULED) {
                auditLog.record(universityId, "user:" + actorId, "privacy.deletion.cancelled", Map.of("user", userId));
            }
            return null;
        });
    }

    /** Staff, on the student's request: erasure now, without the grace (audited). */
    public void eraseByStaff(long universityId, long staffId, long studentId) {
        transactions.executeWrite(status -> {
            Instant now = Instant.now();
            if (store.schedule(universityId, studentId, staffId, now)) {
                accounts.markErasureScheduled(universityId, studentId, now);
            }
            auditLog.record(universityId, "user:" + staffId, "privacy.erasure.requested", Map.of("user", studentId));
            return null;
        });
        scheduler.enqueue(new EraseAccountJobRequest(universityId, studentId));
    }

    /** Erases everyone whose grace is over; returns how many. */
    public int eraseDue(long universityId, Instant now) {
        List<Long> due = transactions.executeRead(status -> store.dueForErasure(universityId, now, 100));
        int erased = 0;
        for (long userId : due) {
            if (eraseIfDue(universityId, userId, now)) {
                erased++;
            }
        }
        return erased;
    }

    /** Erases the person if their deletion is scheduled and due; one transaction, idempotent. */
    boolean eraseIfDue(long universityId, long userId, Instant now) {
        return transactions.executeWrite(status -> {
            Optional<AccountDeletion> deletion = store.lockDeletion(universityId, userId)
                    .filter(found -> found.status() == AccountDeletion.Status.SCHEDULED)
                    .filter(found -> !found.eraseAt().isAfter(now));
            if (deletion.isEmpty()) {
                return false;
            }
            PersonalData.Subject subject = contributors.subject(universityId, userId);
            exports.deleteAllOf(universityId, userId);
            for (PersonalData contributor : contributors.all()) {
                contributor.erase(universityId, subject);
            }
            store.erased(universityId, userId);
            accounts.markErasureScheduled(universityId, userId, null);
            auditLog.record(universityId, "system", "privacy.account.erased", Map.of("user", userId));
            return true;
        });
    }
}
