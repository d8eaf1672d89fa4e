package com.careerai.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.Role;
import com.careerai.auth.UserAccounts;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import com.careerai.testing.CrossTenant;
import com.careerai.testing.IntegrationTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class DemoSeederTest extends IntegrationTest {
    @Inject
    UniversityAdministration universities;

    @Inject
    UserAccounts users;

    @Inject
    ApplicationContext context;

    @Inject
    ApplicationEventPublisher<StartupEvent> startupEvents;

    @Inject
    LaterStep laterStep;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.demo", "true", "spec.name", "DemoSeederTest");
    }

    @Test
    void demoUniversityIsSeededOnceWithItsStaffAndCounsellor() {
        // the context already seeded once at start-up; running every step again must change nothing
        startWithStepsRerun();
        University demo = universities.findBySubdomain("demo").orElseThrow();
        assertThat(demo.name()).isEqualTo("Demo University");
        assertThat(demo.allowedDomains()).isEqualTo(List.of("demo.edu"));
        assertThat(demo.defaultSilver()).isEqualTo(20);
        assertThat(demo.defaultGold()).isEqualTo(3);
        assertThat(CrossTenant.within(demo, () -> users.findByEmail(demo.id(), "staff@demo.edu")))
                .get()
                .extracting(u -> u.role())
                .isEqualTo(Role.STAFF);
        assertThat(CrossTenant.within(demo, () -> users.findByEmail(demo.id(), "COACH@demo.edu")))
                .get()
                .extracting(u -> u.role())
                .isEqualTo(Role.COUNSELLOR);
        // site: hero text, blurb and four FAQ entries, once
        assertThat(count("SELECT count(*) FROM site_texts WHERE university_id = ? AND hero_text <> ''", demo.id()))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM site_faq WHERE university_id = ?", demo.id()))
                .isEqualTo(4);
    }

    @Test
    void everyFeaturesStepRunsInOrderOnTheDemoUniversity() {
        University demo = universities.findBySubdomain("demo").orElseThrow();
        assertThat(laterStep.seen).isNotEmpty().allSatisfy(seen -> {
            assertThat(seen.university()).isEqualTo(new DemoUniversity(demo.id(), demo.name(), "demo", "demo.edu"));
            assertThat(seen.counsellorExisted())
                    .as("auth's people step ran first")
                    .isTrue();
        });
    }

    @Test
    void theDemoStudentArrivesWithRunHistoryForTheDashboard() {
        University demo = universities.findBySubdomain("demo").orElseThrow();
        long student = CrossTenant.within(demo, () -> users.findByEmail(demo.id(), "student@demo.edu"))
                .orElseThrow()
                .id();
        assertThat(count(
                        "SELECT count(*) FROM ai_runs WHERE university_id = ? AND user_id = ? AND tool = 'cv-analysis'",
                        demo.id(),
                        student))
                .as("two CV analyses make a score trend")
                .isEqualTo(2);
        assertThat(count(
                        "SELECT count(*) FROM ai_runs WHERE university_id = ? AND user_id = ? AND tool = 'job-pack'",
                        demo.id(),
                        student))
                .isEqualTo(1);
    }

    @Test
    void theDemoAnalyticsHistoryIsFoldedIntoTheCountersUpToTwoDaysAgo() {
        startWithStepsRerun();
        University demo = universities.findBySubdomain("demo").orElseThrow();
        // ADR 0080: the history's days that are over are in the counters, the mark two days ago (UTC)
        assertThat(count(
                        "SELECT count(*) FROM ai_run_folds WHERE university_id = ?"
                                + " AND folded_through = (now() AT TIME ZONE 'UTC')::date - 2",
                        demo.id()))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT coalesce(sum(in_progress + succeeded + failed), 0) FROM ai_run_days WHERE university_id = ?",
                        demo.id()))
                .as("runs counted")
                .isEqualTo(count(
                        "SELECT count(*) FROM ai_runs WHERE university_id = ?"
                                + " AND (created_at AT TIME ZONE 'UTC')::date <= (now() AT TIME ZONE 'UTC')::date - 2",
                        demo.id()))
                .isPositive();
    }

    @Test
    void theDemoStudentHasOneRefundedPaymentWithItsInvoiceAndTheLedgerBalances() {
        startWithStepsRerun();
        University demo = universities.findBySubdomain("demo").orElseThrow();
        assertThat(count(
                        "SELECT count(*) FROM payments p JOIN users u ON u.university_id = p.university_id AND u.id = p.user_id"
                                + " WHERE p.university_id = ? AND u.email = 'student@demo.edu' AND p.status = 'REFUNDED'",
                        demo.id()))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM payment_refunds WHERE university_id = ?", demo.id()))
                .isEqualTo(1);
        // its invoice was issued when it was paid, with the seeded invoice details (20 % tax included)
        assertThat(count(
                        "SELECT count(*) FROM invoices i JOIN payments p ON p.university_id = i.university_id"
                                + " AND p.id = i.payment_id WHERE i.university_id = ? AND p.status = 'REFUNDED'"
                                + " AND i.tax_rate_bp = 2000 AND i.total_cents = 900 AND i.tax_cents = 150",
                        demo.id()))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM invoice_settings WHERE university_id = ?", demo.id()))
                .isEqualTo(1);
        com.careerai.credits.LedgerAudit.Report report =
                CrossTenant.within(demo, () -> context.getBean(com.careerai.credits.LedgerAudit.class)
                        .audit(demo.id()));
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void theDemoCoachIsAnOnboardedPaidExpertWithOnePaidSession() {
        startWithStepsRerun();
        University demo = universities.findBySubdomain("demo").orElseThrow();
        assertThat(count(
                        "SELECT count(*) FROM expert_accounts e JOIN users u ON u.university_id = e.university_id"
                                + " AND u.id = e.user_id WHERE e.university_id = ? AND u.email = 'coach@demo.edu'"
                                + " AND e.paid_expert AND e.charges_enabled AND e.payouts_enabled",
                        demo.id()))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM expert_charges c JOIN payments p ON p.university_id = c.university_id"
                                + " AND p.id = c.payment_id WHERE c.university_id = ? AND p.status = 'PAID'",
                        demo.id()))
                .isEqualTo(1);
        // confirmed, so invoiced like every confirmed payment
        assertThat(count(
                        "SELECT count(*) FROM expert_charges c JOIN invoices i ON i.university_id = c.university_id"
                                + " AND i.payment_id = c.payment_id WHERE c.university_id = ?",
                        demo.id()))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM appointments WHERE university_id = ? AND payment = 'CARD' AND status = 'COMPLETED'",
                        demo.id()))
                .isEqualTo(1);
    }

    @Test
    void aSecondStartOnTheSameDayWithTheSameStepsRunsNoStep() {
        long demo = universities.findBySubdomain("demo").orElseThrow().id();
        assertThat(count("SELECT count(*) FROM demo_seeds WHERE university_id = ? AND seeded_on = current_date", demo))
                .as("the start-up's seeding is recorded")
                .isEqualTo(1);
        int runs = laterStep.seen.size();
        startupEvents.publishEvent(new StartupEvent(context));
        assertThat(laterStep.seen).as("no step ran").hasSize(runs);
    }

    @Test
    void aStartWithChangedStepsRunsThemAllAgain() {
        long demo = universities.findBySubdomain("demo").orElseThrow().id();
        execute("UPDATE demo_seeds SET fingerprint = 'an older build' WHERE university_id = ?", demo);
        int runs = laterStep.seen.size();
        startupEvents.publishEvent(new StartupEvent(context));
        assertThat(laterStep.seen).hasSize(runs + 1);
        assertThat(count("SELECT count(*) FROM demo_seeds WHERE fingerprint <> 'an older build'"))
                .as("the new fingerprint is recorded")
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM site_faq WHERE university_id = ?", demo))
                .isEqualTo(4);
    }

    @Test
    void theFirstStartOfANewDayRunsTheStepsAgainAndFillsTheActivityHistoryUpToToday() {
        long demo = universities.findBySubdomain("demo").orElseThrow().id();
        // as if the demo had last been seeded yesterday: the analytics history ends yesterday
        execute("UPDATE demo_seeds SET seeded_on = current_date - 1 WHERE university_id = ?", demo);
        execute("DELETE FROM student_activity WHERE university_id = ? AND day = current_date", demo);
        int runs = laterStep.seen.size();
        startupEvents.publishEvent(new StartupEvent(context));
        assertThat(laterStep.seen).hasSize(runs + 1);
        assertThat(count("SELECT count(*) FROM student_activity WHERE university_id = ? AND day = current_date", demo))
                .as("today's activity of the history students")
                .isPositive();
        assertThat(count("SELECT count(*) FROM demo_seeds WHERE university_id = ? AND seeded_on = current_date", demo))
                .isEqualTo(1);
    }

    /** A start-up whose steps all run, as after a new build of one of them. */
    private void startWithStepsRerun() {
        execute("DELETE FROM demo_seeds");
        startupEvents.publishEvent(new StartupEvent(context));
    }

    /** A later feature's step: runs after the people it builds on. */
    @Singleton
    @Requires(property = "spec.name", value = "DemoSeederTest")
    static class LaterStep implements DemoSeedStep {
        record Seen(DemoUniversity university, boolean counsellorExisted) {}

        final List<Seen> seen = new CopyOnWriteArrayList<>();
        private final UserAccounts users;

        LaterStep(UserAccounts users) {
            this.users = users;
        }

        @Override
        public void seed(DemoUniversity demo) {
            seen.add(new Seen(
                    demo, users.findByEmail(demo.id(), demo.address("coach")).isPresent()));
        }

        @Override
        public int getOrder() {
            return CONTENT;
        }
    }
}
