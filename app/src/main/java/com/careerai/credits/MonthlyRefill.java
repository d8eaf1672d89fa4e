package com.careerai.credits;

import com.careerai.auth.UserAccounts;
import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import com.careerai.platform.web.PageReads;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jobrunr.scheduling.JobRequestScheduler;

/**
 * The optional monthly refill: on the 1st (00:00 UTC) every student is topped up to the
 * university's defaults, never reduced. Keyed {@code refill:<yyyy-mm>:<currency>:<userId>}, so it
 * runs at most once per student, currency and month however often the job runs.
 */
@Singleton
public class MonthlyRefill {
    /** On the 1st of every month at midnight. */
    public static final String CRON = "0 0 1 * *";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final LedgerStore store;
    private final UserAccounts users;
    private final UniversityAdministration universities;
    private final AuditLog auditLog;
    private final JobRequestScheduler scheduler;
    private final CreditsConfiguration configuration;
    private final PageReads reads;

    MonthlyRefill(
            JdbcOperations jdbc,
            TransactionOperations<Connection> transactions,
            LedgerStore store,
            UserAccounts users,
            UniversityAdministration universities,
            AuditLog auditLog,
            JobRequestScheduler scheduler,
            CreditsConfiguration configuration,
            PageReads reads) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.store = store;
        this.users = users;
        this.universities = universities;
        this.auditLog = auditLog;
        this.scheduler = scheduler;
        this.configuration = configuration;
        this.reads = reads;
    }

    /** The JobRunr recurring job id of a university's refill. */
    public static String recurringJobId(long universityId) {
        return "credits-refill-" + universityId;
    }

    /** Whether the university's monthly refill is on (off until staff turn it on). */
    public boolean isEnabled(long universityId) {
        return reads.read(enabledRead(universityId));
    }

    /** What {@link #isEnabled} reads, for a page to send with its other reads (ADR 0076). */
    public static PageRead<Boolean> enabledRead(long universityId) {
        return new PageRead<>(
                "credits.refill-enabled:" + universityId,
                "SELECT enabled FROM credit_refill_settings WHERE university_id = ?",
                SqlRows.parameters(universityId),
                rows -> rows.next() && rows.getBoolean(1));
    }

    /** Turns the refill on or off (audited) and schedules or removes its recurring job. */
    public void setEnabled(long universityId, boolean enabled, String actor) {
        transactions.executeWrite(status -> {
            jdbc.prepareStatement(
                    "INSERT INTO credit_refill_settings (university_id, enabled, changed_by) VALUES (?, ?, ?)"
                            + " ON CONFLICT (university_id) DO UPDATE SET enabled = excluded.enabled,"
                            + " changed_by = excluded.changed_by, changed_at = now()",
                    statement -> {
                        statement.setLong(1, universityId);
                        statement.setBoolean(2, enabled);
                        statement.setString(3, actor);
                        return statement.executeUpdate();
                    });
            auditLog.record(
                    universityId,
                    actor,
                    enabled ? "credits.refill.enabled" : "credits.refill.disabled",
                    Map.of("cron", CRON, "zone", "UTC"));
            return null;
        });
        if (enabled) {
            scheduler.scheduleRecurrently(
                    recurringJobId(universityId), CRON, ZoneOffset.UTC, new MonthlyRefillJobRequest(universityId));
        } else {
            scheduler.deleteRecurringJob(recurringJobId(universityId));
        }
    }

    /**
     * Tops every student up to the defaults for {@code month}, a chunk of students per
     * transaction. Returns how many (student, currency) top-ups were made now.
     */
    public int run(long universityId, YearMonth month) {
        University university = universities
                .findById(universityId)
                .orElseThrow(() -> new IllegalArgumentException("no university " + universityId));
        Map<String, Object> metadata = Map.of(
                LedgerEntry.ACTOR,
                Wallets.SYSTEM,
                LedgerEntry.REASON,
                "Monthly refill " + month,
                "month",
                month.toString());
        int toppedUp = 0;
        long cursor = 0;
        while (true) {
            List<Long> students = users.studentIdsAfter(universityId, cursor, configuration.getGrantChunkSize());
            if (students.isEmpty()) {
                return toppedUp;
            }
            toppedUp += transactions.executeWrite(status -> {
                store.openWallets(universityId, students);
                store.lockWallets(universityId, students);
                int chunk = 0;
                for (Currency currency : Currency.values()) {
                    int target = currency == Currency.SILVER ? university.defaultSilver() : university.defaultGold();
                    if (target > 0) {
                        chunk += store.topUpEachTo(
                                universityId,
                                students,
                                currency,
                                target,
                                "refill:" + month + ":" + currency + ":",
                                metadata);
                    }
                }
                return chunk;
            });
            cursor = students.get(students.size() - 1);
        }
    }
}
