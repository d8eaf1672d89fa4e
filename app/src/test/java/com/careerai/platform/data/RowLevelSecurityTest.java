package com.careerai.platform.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careerai.testing.IntegrationTest;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database wall, table by table: deliberately unscoped statements issued through the
 * application's own pool (the non-owner login role) see, change and delete only the bound
 * university's rows, and nothing when no university is bound; a row for another university is
 * refused. Every table with a {@code university_id} column must have a seed here, so a new tenant
 * table cannot skip this test.
 */
@MicronautTest(transactional = false)
class RowLevelSecurityTest extends IntegrationTest {
    /** One row per tenant table; {u} university, {user} a user of it, {run} a run of it, {n} unique. */
    private static final Map<String, String> SEEDS = new LinkedHashMap<>();

    static {
        SEEDS.put("users", "INSERT INTO users (university_id, email) VALUES ({u}, 'rls{n}@rls.edu')");
        SEEDS.put(
                "invitations",
                "INSERT INTO invitations (university_id, email, role, invited_by, expires_at)"
                        + " VALUES ({u}, 'inv{n}@rls.edu', 'STAFF', 'test', now() + interval '1 day')");
        SEEDS.put("audit_log", "INSERT INTO audit_log (university_id, actor, action) VALUES ({u}, 'test', 'rls.test')");
        SEEDS.put(
                "mail_deliveries",
                "INSERT INTO mail_deliveries (university_id, recipient, template) VALUES ({u}, 'm@rls.edu', 'TEST')");
        SEEDS.put("credit_wallets", "INSERT INTO credit_wallets (university_id, user_id) VALUES ({u}, {user})");
        SEEDS.put(
                "credit_transactions",
                "INSERT INTO credit_transactions (university_id, user_id, currency, amount, type, idempotency_key)"
                        + " VALUES ({u}, {user}, 'SILVER', 1, 'GRANT', 'rls{n}')");
        SEEDS.put(
                "credit_grant_batches",
                "INSERT INTO credit_grant_batches (university_id, id, actor, currency, amount, reason)"
                        + " VALUES ({u}, gen_random_uuid(), 'test', 'SILVER', 1, 'test')");
        SEEDS.put(
                "credit_refill_settings",
                "INSERT INTO credit_refill_settings (university_id, enabled, changed_by) VALUES ({u}, false, 'test')");
        SEEDS.put(
                "ai_runs",
                "INSERT INTO ai_runs (university_id, id, user_id, tool, status, currency, cost, input)"
                        + " VALUES ({u}, '{run}', {user}, 'job-pack', 'SUCCEEDED', 'SILVER', 0, '{}')");
        SEEDS.put(
                "ai_run_documents",
                "INSERT INTO ai_run_documents (university_id, run_id, content_type, content)"
                        + " VALUES ({u}, '{run}', 'application/pdf', '\\x00')");
        SEEDS.put(
                "run_idempotency_keys",
                "INSERT INTO run_idempotency_keys (university_id, id, user_id, idempotency_key, request_hash, run_id)"
                        + " VALUES ({u}, gen_random_uuid(), {user}, 'key{n}', repeat('a', 64), '{run}')");
        SEEDS.put(
                "purchase_policies",
                "INSERT INTO purchase_policies (university_id, students_may_buy, changed_by) VALUES ({u}, false, 'test')");
        SEEDS.put(
                "university_tools",
                "INSERT INTO university_tools (university_id, tool, enabled) VALUES ({u}, 'job-pack', true)");
        SEEDS.put(
                "payments",
                "INSERT INTO payments (university_id, id, user_id, external_id, kind, product, description,"
                        + " amount_cents, currency, status, credits_currency, credits) VALUES ({u}, gen_random_uuid(),"
                        + " {user}, 'cs_rls{n}', 'PACK', 'gold-10', 'test', 100, 'usd', 'PENDING', 'GOLD', 10)");
        SEEDS.put(
                "subscriptions",
                "INSERT INTO subscriptions (university_id, id, user_id, external_id, product, status, state_at)"
                        + " VALUES ({u}, gen_random_uuid(), {user}, 'sub_rls{n}', 'premium', 'active', now())");
        SEEDS.put(
                "outbox_events",
                "INSERT INTO outbox_events (university_id, id, type, payload) VALUES ({u}, '{run}', 'test', '{}')");
        SEEDS.put(
                "outbox_deliveries",
                "INSERT INTO outbox_deliveries (university_id, event_id, listener) VALUES ({u}, '{run}', 'test{n}')");
        SEEDS.put(
                "stripe_events",
                "INSERT INTO stripe_events (id, type, livemode, stripe_created_at, outcome, university_id)"
                        + " VALUES ('evt_rls{n}', 'test', false, now(), 'PROCESSED', {u})");
        // Razorpay (issue 18, ADR 0032).
        SEEDS.put(
                "payment_settings",
                "INSERT INTO payment_settings (university_id, provider, currency, changed_by)"
                        + " VALUES ({u}, 'razorpay', 'inr', 'test')");
        SEEDS.put(
                "razorpay_events",
                "INSERT INTO razorpay_events (id, type, outcome, university_id)"
                        + " VALUES ('rzp_evt_rls{n}', 'test', 'PROCESSED', {u})");
        // Razorpay plans (issue 18, ADR 0036).
        SEEDS.put(
                "razorpay_plans",
                "INSERT INTO razorpay_plans (university_id, product, currency, amount_minor, plan_id)"
                        + " VALUES ({u}, 'basic', 'inr', 399900, 'plan_rls{n}')");
    }

    static {
        // Counselling (issue 13): {user} is both counsellor and student here; {run} names the appointment.
        SEEDS.put(
                "counsellors",
                "INSERT INTO counsellors (university_id, user_id, email, display_name, time_zone)"
                        + " VALUES ({u}, {user}, 'c@rls.edu', 'C', 'UTC')");
        SEEDS.put(
                "counselling_session_types",
                "INSERT INTO counselling_session_types (university_id, counsellor_id, slug, name, minutes)"
                        + " VALUES ({u}, {user}, 's{n}', 'S', 30)");
        SEEDS.put(
                "counsellor_weekly_hours",
                "INSERT INTO counsellor_weekly_hours (university_id, counsellor_id, day_of_week, starts_at, ends_at)"
                        + " VALUES ({u}, {user}, 1, '09:00', '10:00')");
        SEEDS.put(
                "counsellor_date_overrides",
                "INSERT INTO counsellor_date_overrides (university_id, counsellor_id, on_date, kind)"
                        + " VALUES ({u}, {user}, DATE '2030-01-01' + {n}, 'OFF')");
        SEEDS.put("counselling_rules", "INSERT INTO counselling_rules (university_id) VALUES ({u})");
        SEEDS.put(
                "appointments",
                "INSERT INTO appointments (university_id, id, counsellor_id, student_id, session_type_id, session_type,"
                        + " session_name, starts_at, ends_at, blocked_from, blocked_until, status, payment, meeting_url,"
                        + " booked_by) VALUES ({u}, '{run}', {user}, {user}, {type}, 's', 'S', '2030-01-01 10:00Z',"
                        + " '2030-01-01 10:30Z', '2030-01-01 10:00Z', '2030-01-01 10:30Z', 'CANCELLED', 'FREE',"
                        + " 'https://meet.example/room', {user})");
        SEEDS.put(
                "appointment_history",
                "INSERT INTO appointment_history (university_id, appointment_id, action) VALUES ({u}, '{run}', 'BOOKED')");
        SEEDS.put(
                "appointment_feedback",
                "INSERT INTO appointment_feedback (university_id, appointment_id, counsellor_id, student_id, rating)"
                        + " VALUES ({u}, '{run}', {user}, {user}, 5)");
        SEEDS.put(
                "counsellor_notes",
                "INSERT INTO counsellor_notes (university_id, counsellor_id, student_id, body)"
                        + " VALUES ({u}, {user}, {user}, 'note')");
        SEEDS.put(
                "no_show_strikes",
                "INSERT INTO no_show_strikes (university_id, appointment_id, student_id) VALUES ({u}, '{run}', {user})");
        SEEDS.put(
                "no_show_disputes",
                "INSERT INTO no_show_disputes (university_id, appointment_id, student_id, reason)"
                        + " VALUES ({u}, '{run}', {user}, 'I was there')");
        SEEDS.put(
                "counselling_students",
                "INSERT INTO counselling_students (university_id, student_id) VALUES ({u}, {user})");
        SEEDS.put(
                "counselling_waitlist",
                "INSERT INTO counselling_waitlist (university_id, counsellor_id, student_id, session_type_id)"
                        + " VALUES ({u}, {user}, {user}, {type})");
        SEEDS.put("interests", "INSERT INTO interests (university_id, name) VALUES ({u}, 'Interest {n}')");
        SEEDS.put(
                "student_interests",
                "INSERT INTO student_interests (university_id, user_id, interest_id)"
                        + " SELECT {u}, {user}, max(id) FROM interests WHERE university_id = {u}");
        // Resources (issue 14)
        SEEDS.put(
                "resources",
                "INSERT INTO resources (university_id, uploader_id, uploader_name, title, kind, access, status, url)"
                        + " VALUES ({u}, {user}, 'U', 'Resource {n}', 'LINK', 'EVERYONE', 'APPROVED', 'https://example.com')");
        SEEDS.put(
                "resource_interests",
                "INSERT INTO resource_interests (university_id, resource_id, interest_id)"
                        + " SELECT {u}, (SELECT max(id) FROM resources WHERE university_id = {u}),"
                        + " max(id) FROM interests WHERE university_id = {u}");
        SEEDS.put(
                "resource_downloads",
                "INSERT INTO resource_downloads (university_id, resource_id, user_id)"
                        + " SELECT {u}, max(id), {user} FROM resources WHERE university_id = {u}");
        SEEDS.put("resource_settings", "INSERT INTO resource_settings (university_id) VALUES ({u})");
    }

    static {
        // Inbox, preferences and announcements (issue 14).
        SEEDS.put(
                "announcements",
                "INSERT INTO announcements (university_id, title, body, audience, created_by)"
                        + " VALUES ({u}, 'A {n}', 'Body', 'ALL_STUDENTS', {user})");
        SEEDS.put(
                "notifications",
                "INSERT INTO notifications (university_id, user_id, kind, title, event_id)"
                        + " VALUES ({u}, {user}, 'RUN', 'Notice {n}', gen_random_uuid())");
        SEEDS.put(
                "notification_preferences",
                "INSERT INTO notification_preferences (university_id, user_id, kind, email)"
                        + " VALUES ({u}, {user}, 'RUN', true)");
    }

    static {
        // Career profile and saved resumes (issue 20, profile).
        SEEDS.put(
                "career_profiles",
                "INSERT INTO career_profiles (university_id, user_id, programme) VALUES ({u}, {user}, 'P')"
                        + " ON CONFLICT (university_id, user_id) DO UPDATE SET programme = 'P {n}'");
        SEEDS.put(
                "saved_resumes",
                "INSERT INTO saved_resumes (university_id, user_id, name, body) VALUES ({u}, {user}, 'R {n}', 'Text')");
        // Leads (issue 16).
        SEEDS.put(
                "lead_settings",
                "INSERT INTO lead_settings (university_id, whatsapp_template, call_script) VALUES ({u}, 'Hi', 'Hello')");
        SEEDS.put(
                "leads",
                "INSERT INTO leads (university_id, name, email, phone, consent_at)"
                        + " VALUES ({u}, 'Lead {n}', 'lead{n}@example.com', '+447700900{n}', now())");
        SEEDS.put(
                "lead_notes",
                "INSERT INTO lead_notes (university_id, lead_id, author, body)"
                        + " VALUES ({u}, (SELECT max(id) FROM leads WHERE university_id = {u}), 'test', 'Note {n}')");
        SEEDS.put(
                "communication_logs",
                "INSERT INTO communication_logs (university_id, lead_id, channel, template, automatic, status)"
                        + " VALUES ({u}, (SELECT max(id) FROM leads WHERE university_id = {u}), 'EMAIL', 't', false, 'SENT')");
    }

    static {
        // Support tickets (issue 16).
        SEEDS.put("support_settings", "INSERT INTO support_settings (university_id) VALUES ({u})");
        SEEDS.put(
                "tickets",
                "INSERT INTO tickets (university_id, requester_id, requester_email, requester_name, subject, category)"
                        + " VALUES ({u}, {user}, 't{n}@x.edu', 'T', 'Ticket {n}', 'general')");
        SEEDS.put(
                "ticket_messages",
                "INSERT INTO ticket_messages (university_id, ticket_id, author_name, kind, body)"
                        + " VALUES ({u}, (SELECT max(id) FROM tickets WHERE university_id = {u}), 'T', 'REQUESTER', 'Hi {n}')");
        SEEDS.put(
                "ticket_attachments",
                "INSERT INTO ticket_attachments (university_id, ticket_id, uploader_name, from_staff, file_name,"
                        + " content_type, size_bytes, storage_key) VALUES ({u}, (SELECT max(id) FROM tickets"
                        + " WHERE university_id = {u}), 'T', false, 'a{n}.pdf', 'application/pdf', 1, 'k{n}')");
        // Courses and cohorts (issue 15): {user} is the instructor and the student.
        SEEDS.put(
                "courses",
                "INSERT INTO courses (university_id, title, capacity, visibility, created_by)"
                        + " VALUES ({u}, 'Course {n}', 10, 'PUBLIC', {user})");
        SEEDS.put(
                "batches",
                "INSERT INTO batches (university_id, course_id, name, starts_on, ends_on, time_zone, week_days,"
                        + " local_start, minutes, instructor_id, capacity, seats_taken)"
                        + " SELECT {u}, max(id), 'Batch {n}', DATE '2030-01-01', DATE '2030-02-01', 'UTC', ARRAY[1],"
                        + " '10:00', 60, {user}, 10, 1 FROM courses WHERE university_id = {u}");
        SEEDS.put(
                "batch_sessions",
                "INSERT INTO batch_sessions (university_id, batch_id, starts_at, ends_at)"
                        + " SELECT {u}, max(id), '2030-01-07 10:00Z', '2030-01-07 11:00Z' FROM batches WHERE university_id = {u}");
        SEEDS.put(
                "enrolments",
                "INSERT INTO enrolments (university_id, batch_id, user_id, status, payment)"
                        + " SELECT {u}, max(id), {user}, 'ACTIVE', 'FREE' FROM batches WHERE university_id = {u}");
        SEEDS.put(
                "assignments",
                "INSERT INTO assignments (university_id, batch_id, title, due_at, max_attempts, max_score, created_by)"
                        + " SELECT {u}, max(id), 'Work {n}', '2030-01-14 10:00Z', 2, 10, {user} FROM batches WHERE university_id = {u}");
        SEEDS.put(
                "assignment_extensions",
                "INSERT INTO assignment_extensions (university_id, assignment_id, user_id, due_at, granted_by)"
                        + " SELECT {u}, max(id), {user}, '2030-01-21 10:00Z', {user} FROM assignments WHERE university_id = {u}");
        SEEDS.put(
                "submissions",
                "INSERT INTO submissions (university_id, assignment_id, user_id, attempt, body, late)"
                        + " SELECT {u}, max(id), {user}, 1, 'Answer {n}', false FROM assignments WHERE university_id = {u}");
        SEEDS.put(
                "course_materials",
                "INSERT INTO course_materials (university_id, batch_id, session_id, title, url, added_by)"
                        + " SELECT {u}, max(batch_id), max(id), 'Slides {n}', 'https://slides.example/{n}', {user}"
                        + " FROM batch_sessions WHERE university_id = {u}");
        SEEDS.put(
                "session_attendance",
                "INSERT INTO session_attendance (university_id, session_id, user_id, present, source, marked_by)"
                        + " SELECT {u}, max(id), {user}, true, 'MARKED', {user} FROM batch_sessions WHERE university_id = {u}");
        SEEDS.put(
                "place_reservations",
                "INSERT INTO place_reservations (university_id, batch_id, email)"
                        + " SELECT {u}, max(id), 'lead{n}@rls.edu' FROM batches WHERE university_id = {u}");
        // Referrals (issue 17): {user} refers a second user of the same university.
        SEEDS.put(
                "referral_codes",
                "INSERT INTO referral_codes (university_id, user_id, code) VALUES ({u}, {user}, 'RLS' || translate(lpad('{n}', 5, '2'), '01', 'AB'))");
        SEEDS.put(
                "referral_settings", "INSERT INTO referral_settings (university_id, changed_by) VALUES ({u}, 'test')");
        SEEDS.put(
                "referrals",
                "WITH referee AS (INSERT INTO users (university_id, email) VALUES ({u}, 'referee{n}@rls.edu') RETURNING id)"
                        + " INSERT INTO referrals (university_id, referrer_id, referee_id, status, currency,"
                        + " referrer_amount, referee_amount, hold_until)"
                        + " SELECT {u}, {user}, id, 'HELD', 'SILVER', 5, 5, now() FROM referee");
        // Privacy (issue 18).
        SEEDS.put(
                "data_exports",
                "INSERT INTO data_exports (university_id, id, user_id, requested_by) VALUES ({u}, gen_random_uuid(), {user}, {user})");
        SEEDS.put(
                "account_deletions",
                "WITH leaving AS (INSERT INTO users (university_id, email) VALUES ({u}, 'leaving{n}@rls.edu') RETURNING id)"
                        + " INSERT INTO account_deletions (university_id, user_id, status, requested_by)"
                        + " SELECT {u}, id, 'AWAITING_CODE', id FROM leaving");
        // Public pages (issue 16, site).
        SEEDS.put("site_texts", "INSERT INTO site_texts (university_id, hero_text) VALUES ({u}, 'Hero {n}')");
        SEEDS.put(
                "site_faq",
                "INSERT INTO site_faq (university_id, position, question, answer) VALUES ({u}, {n}, 'Q {n}?', 'A {n}')");
        // Staff refunds (issue 18, payments).
        SEEDS.put(
                "payment_refunds",
                "WITH p AS (INSERT INTO payments (university_id, id, user_id, external_id, kind, product, description,"
                        + " amount_cents, currency, status, credits_currency, credits) VALUES ({u}, gen_random_uuid(),"
                        + " {user}, 'cs_rf{n}', 'PACK', 'gold-10', 'test', 100, 'usd', 'PAID', 'GOLD', 10) RETURNING id)"
                        + " INSERT INTO payment_refunds (university_id, id, payment_id, amount_cents, reason, requested_by)"
                        + " SELECT {u}, gen_random_uuid(), id, 50, 'test', {user} FROM p");
        // Paid expert sessions (issue 18, V85).
        SEEDS.put(
                "expert_accounts",
                "INSERT INTO expert_accounts (university_id, user_id, stripe_account_id, marked_by)"
                        + " VALUES ({u}, {user}, 'acct_rls{n}', {user})");
        SEEDS.put(
                "expert_fee_settings",
                "INSERT INTO expert_fee_settings (university_id, platform_fee_percent, updated_by) VALUES ({u}, 10, {user})");
        SEEDS.put(
                "expert_charges",
                "WITH p AS (INSERT INTO payments (university_id, id, user_id, external_id, kind, product, description,"
                        + " amount_cents, currency, status, credits_currency, credits) VALUES ({u}, gen_random_uuid(),"
                        + " {user}, 'cs_ex{n}', 'PACK', 'item', 'test', 4500, 'usd', 'PAID', 'GOLD', 0) RETURNING id)"
                        + " INSERT INTO expert_charges (university_id, payment_id, expert_user_id, stripe_account_id,"
                        + " amount_cents, fee_cents, currency, description, session_starts_at)"
                        + " SELECT {u}, id, {user}, 'acct_x', 4500, 450, 'usd', 'S', '2030-01-01 10:00Z' FROM p");
        SEEDS.put(
                "appointment_card_holds",
                "INSERT INTO appointment_card_holds (university_id, appointment_id, payment_id, amount_cents, currency,"
                        + " held_until) VALUES ({u}, '{run}', gen_random_uuid(), 4500, 'usd', '2030-01-01 10:00Z')");
        // Staff analytics (issue 17): a student's active day.
        SEEDS.put(
                "student_activity",
                "INSERT INTO student_activity (university_id, day, user_id) VALUES ({u}, current_date - {n}, {user})");
        // Daily counters of staff analytics (issue 17, ADR 0035), after the tables they count, so the
        // delete test (children first, in reverse) empties them before their triggers could.
        SEEDS.put(
                "student_activity_periods",
                "INSERT INTO student_activity_periods (university_id, unit, starts_on, user_id)"
                        + " VALUES ({u}, 'week', date '2000-01-03' + 7 * {n}, {user})");
        SEEDS.put(
                "student_activity_counts",
                "INSERT INTO student_activity_counts (university_id, unit, starts_on, slot, students)"
                        + " VALUES ({u}, 'day', date '2000-01-01' + {n}, 0, 1)");
        SEEDS.put(
                "ai_run_days",
                "INSERT INTO ai_run_days (university_id, day, tool, slot, succeeded)"
                        + " VALUES ({u}, date '2000-01-01' + {n}, 'job-pack', 0, 1)");
        SEEDS.put(
                "ai_run_folds",
                "INSERT INTO ai_run_folds (university_id, folded_through) VALUES ({u}, date '2000-01-01' + {n})");
        SEEDS.put(
                "ai_run_students",
                "INSERT INTO ai_run_students (university_id, unit, starts_on, tool, user_id)"
                        + " VALUES ({u}, 'month', date '2000-01-01', 'rls{n}', {user})");
        SEEDS.put(
                "resource_download_days",
                "INSERT INTO resource_download_days (university_id, day, resource_id, slot, downloads)"
                        + " VALUES ({u}, date '2000-01-01' + {n}, {n}, 0, 1)");
        SEEDS.put(
                "resource_download_students",
                "INSERT INTO resource_download_students (university_id, unit, starts_on, resource_id, user_id)"
                        + " VALUES ({u}, 'week', date '2000-01-03', {n}, {user})");
        // Invoices (issue 18, payments).
        SEEDS.put(
                "invoice_settings",
                "INSERT INTO invoice_settings (university_id, legal_name, address, changed_by)"
                        + " VALUES ({u}, 'Uni {n}', 'Road {n}', 'test')");
        // The demo's seed fingerprint (issue 19, demo).
        SEEDS.put(
                "demo_seeds",
                "INSERT INTO demo_seeds (university_id, fingerprint, seeded_on) VALUES ({u}, 'f{n}', current_date)");
        SEEDS.put("invoice_counters", "INSERT INTO invoice_counters (university_id, last_number) VALUES ({u}, {n})");
        SEEDS.put(
                "invoices",
                "WITH p AS (INSERT INTO payments (university_id, id, user_id, external_id, kind, product, description,"
                        + " amount_cents, currency, status, credits_currency, credits) VALUES ({u}, gen_random_uuid(),"
                        + " {user}, 'cs_inv{n}', 'PACK', 'gold-10', 'test', 100, 'usd', 'PAID', 'GOLD', 10) RETURNING id)"
                        + " INSERT INTO invoices (university_id, payment_id, number, label, seller_name, tax_rate_bp,"
                        + " currency, net_cents, tax_cents, total_cents)"
                        + " SELECT {u}, id, {n}, 'INV-2026-00000{n}', 'Uni {n}', 0, 'usd', 100, 0, 100 FROM p");
    }

    /**
     * The platform path (ADR 0010): the only reads across universities, SECURITY DEFINER functions
     * owned by careerai_platform. Adding one means adding it here and to the ADR's list.
     */
    private static final List<String> PLATFORM_FUNCTIONS = List.of(
            "platform_ai_run_folds_behind",
            "platform_purge_delivered_outbox_events",
            "platform_record_sales_lead",
            "platform_route_razorpay_payment",
            "platform_route_stripe_account",
            "platform_route_stripe_payment",
            "platform_route_stripe_subscription",
            "platform_sales_leads",
            "platform_stripe_event_university",
            "platform_undelivered_outbox_events",
            "platform_unfinished_runs");

    /** Tables whose rows are never updated or deleted by anyone but offboarding (a trigger says so). */
    private static final List<String> APPEND_ONLY = List.of("credit_transactions", "audit_log");

    private static final AtomicInteger UNIQUE = new AtomicInteger();

    @Inject
    DataSource dataSource;

    @Inject
    DataSourceResolver resolver;

    private long universityA;
    private long universityB;
    private final Map<Long, Long> userOf = new LinkedHashMap<>();
    private final Map<Long, UUID> runOf = new LinkedHashMap<>();
    private final Map<Long, Long> sessionTypeOf = new LinkedHashMap<>();

    @BeforeAll
    void seedTwoUniversities() throws SQLException {
        universityA = ownerInsertUniversity("rlsa");
        universityB = ownerInsertUniversity("rlsb");
        for (long university : List.of(universityA, universityB)) {
            runOf.put(university, UUID.randomUUID());
            for (Map.Entry<String, String> seed : SEEDS.entrySet()) {
                asOwner(sql(seed.getValue(), university));
                if (seed.getKey().equals("users")) {
                    userOf.put(university, count("SELECT max(id) FROM users WHERE university_id = ?", university));
                }
                if (seed.getKey().equals("counselling_session_types")) {
                    sessionTypeOf.put(
                            university,
                            count("SELECT max(id) FROM counselling_session_types WHERE university_id = ?", university));
                }
            }
        }
    }

    @Test
    void everyTenantTableHasASeedHere() throws SQLException {
        assertThat(SEEDS.keySet())
                .as("add a seed row for each new tenant table to RowLevelSecurityTest.SEEDS")
                .containsExactlyInAnyOrderElementsOf(tenantTables());
    }

    @Test
    void unscopedReadsAndUpdatesInsideUniversityATouchOnlyItsRows() throws SQLException {
        for (String table : tenantTables()) {
            long rowsOfA = count("SELECT count(*) FROM " + table + " WHERE university_id = ?", universityA);
            assertThat(rowsOfA).as(table).isPositive();
            assertThat(count("SELECT count(*) FROM " + table + " WHERE university_id = ?", universityB))
                    .as(table)
                    .isPositive();

            assertThat(this.<Long>asApp(universityA, connection -> query(connection, "SELECT count(*) FROM " + table)))
                    .as("rows of %s seen inside A", table)
                    .isEqualTo(rowsOfA);
            assertThat(this.<Long>asApp(
                            universityA,
                            connection -> query(
                                    connection,
                                    "SELECT count(*) FROM " + table + " WHERE university_id = " + universityB)))
                    .as("rows of B in %s seen inside A", table)
                    .isZero();
            if (APPEND_ONLY.contains(table)) {
                assertThatThrownBy(() -> asApp(
                                universityA,
                                connection ->
                                        update(connection, "UPDATE " + table + " SET university_id = university_id")))
                        .as(table)
                        .hasMessageContaining("append-only");
            } else {
                assertThat(this.<Long>asApp(
                                universityA,
                                connection ->
                                        update(connection, "UPDATE " + table + " SET university_id = university_id")))
                        .as("rows of %s updated inside A", table)
                        .isEqualTo(rowsOfA);
            }
        }
    }

    @Test
    void anUnscopedDeleteInsideUniversityADeletesOnlyItsRows() throws SQLException {
        List<String> childrenFirst = new ArrayList<>(SEEDS.keySet());
        java.util.Collections.reverse(childrenFirst);
        Map<String, Long> deleted = asApp(universityA, connection -> {
            // As offboarding does, so the append-only ledger lets this rolled-back transaction delete.
            update(connection, "SELECT set_config('careerai.offboarding_university', '" + universityA + "', true)");
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : childrenFirst) {
                counts.put(table, update(connection, "DELETE FROM " + table));
            }
            return counts;
        });
        for (String table : childrenFirst) {
            assertThat(deleted.get(table))
                    .as("rows of %s deleted inside A", table)
                    .isEqualTo(count("SELECT count(*) FROM " + table + " WHERE university_id = ?", universityA));
        }
    }

    @Test
    void outsideAnyUniversityNothingIsSeenChangedOrDeleted() throws SQLException {
        for (String table : tenantTables()) {
            assertThat(this.<Long>asApp(null, connection -> query(connection, "SELECT count(*) FROM " + table)))
                    .as(table)
                    .isZero();
            assertThat(this.<Long>asApp(
                            null,
                            connection -> update(connection, "UPDATE " + table + " SET university_id = university_id")))
                    .as(table)
                    .isZero();
            assertThat(this.<Long>asApp(null, connection -> update(connection, "DELETE FROM " + table)))
                    .as(table)
                    .isZero();
        }
    }

    @Test
    void aRowForUniversityBIsRefusedInsideUniversityA() throws SQLException {
        for (Map.Entry<String, String> seed : SEEDS.entrySet()) {
            String insert = sql(seed.getValue(), universityB);
            assertThatThrownBy(() -> asApp(universityA, connection -> update(connection, insert)))
                    .as(seed.getKey())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
        }
    }

    @Test
    void everyTenantTableForcesRowLevelSecurityWithAPolicy() throws SQLException {
        List<String> unguarded = new ArrayList<>();
        for (String table : tenantTables()) {
            long guarded = count(
                    "SELECT count(*) FROM pg_class c WHERE c.relname = ? AND c.relrowsecurity AND c.relforcerowsecurity"
                            + " AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid"
                            + " AND p.polname = 'tenant_isolation')",
                    table);
            if (guarded != 1) {
                unguarded.add(table);
            }
        }
        assertThat(unguarded)
                .as("tables with university_id but no forced tenant_isolation policy")
                .isEmpty();
    }

    @Test
    void theOnlyReadsAcrossUniversitiesAreTheListedPlatformFunctions() throws SQLException {
        List<String> definers = new ArrayList<>();
        try (Connection connection = ownerConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT p.proname || ':' || pg_get_userbyid(p.proowner)"
                        + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                        + " WHERE n.nspname = 'public' AND p.prosecdef ORDER BY p.proname")) {
            while (rows.next()) {
                definers.add(rows.getString(1));
            }
        }
        assertThat(definers)
                .containsExactlyElementsOf(PLATFORM_FUNCTIONS.stream()
                        .sorted()
                        .map(name -> name + ":careerai_platform")
                        .toList());
    }

    @Test
    void theApplicationsUserIsNeitherOwnerNorExemptFromTheWall() throws SQLException {
        String row = asApp(null, connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rows =
                            statement.executeQuery("SELECT current_user || ':' || (r.rolsuper OR r.rolbypassrls)"
                                    + " || ':' || EXISTS (SELECT 1 FROM pg_tables t WHERE t.tableowner = current_user)"
                                    + " FROM pg_roles r WHERE r.rolname = current_user")) {
                rows.next();
                return rows.getString(1);
            }
        });
        assertThat(row).isEqualTo("careerai_web:false:false");
    }

    private List<String> tenantTables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = ownerConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT c.table_name FROM information_schema.columns c"
                        + " JOIN information_schema.tables t USING (table_schema, table_name)"
                        + " WHERE c.table_schema = 'public' AND c.column_name = 'university_id'"
                        + " AND t.table_type = 'BASE TABLE' ORDER BY 1")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private String sql(String template, long university) {
        return template.replace("{u}", Long.toString(university))
                .replace("{user}", String.valueOf(userOf.getOrDefault(university, 0L)))
                .replace("{run}", runOf.get(university).toString())
                .replace("{type}", String.valueOf(sessionTypeOf.getOrDefault(university, 0L)))
                .replace("{n}", Integer.toString(UNIQUE.incrementAndGet()));
    }

    private long ownerInsertUniversity(String subdomain) throws SQLException {
        try (Connection connection = ownerConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "INSERT INTO universities (name, subdomain) VALUES (?, ?) RETURNING id")) {
            statement.setString(1, subdomain);
            statement.setString(2, subdomain);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private void asOwner(String sql) throws SQLException {
        try (Connection connection = ownerConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} on a connection of the application's pool, bound to {@code university}
     * (or to none), in a transaction that is always rolled back.
     */
    @SuppressWarnings("try")
    private <T> T asApp(Long university, Work<T> work) throws SQLException {
        PropagatedContext context = university == null
                ? PropagatedContext.getOrEmpty()
                : PropagatedContext.getOrEmpty().plus(new UniversityScope(university));
        try (PropagatedContext.Scope ignored = context.propagate();
                Connection connection = resolver.resolve(dataSource).getConnection()) {
            connection.setAutoCommit(false);
            try {
                return work.apply(connection);
            } finally {
                connection.rollback();
            }
        }
    }

    private static long query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long update(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.execute(sql) ? 0 : statement.getUpdateCount();
        }
    }
}
