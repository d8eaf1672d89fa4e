package com.careerai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.ai.RunService;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.counselling.CounsellingObjects;
import com.careerai.credits.BulkGrants;
import com.careerai.credits.Currency;
import com.careerai.inbox.Announcement;
import com.careerai.inbox.Announcements;
import com.careerai.profile.SavedResumes;
import com.careerai.tenancy.University;
import com.careerai.testing.FakeStripeServer;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tenant wall, tried on every route the router knows (issue 21): university A owns one object of
 * each kind (made through the app's own services); a student, a counsellor and a staff member of
 * university B call every route with A's ids, on A's host and on B's host. Every answer must refuse
 * (401/403/404; see {@link Case}) or be B's own data, no answer may be a 5xx, no body may carry any
 * of A's private identifiers or text, and A's data must be unchanged afterwards.
 *
 * <p>A route that is not in {@link #ROUTES} fails the test: map it with one line (which object of
 * A its path variables name, or {@code own(…)} for routes that serve the caller's own data).
 */
@MicronautTest(transactional = false)
class IsolationScanTest extends IntegrationTest {
    /** A's objects, by kind; each route's path variables are filled from them. */
    record ObjectsOfA(
            String runId,
            String appointmentId,
            String counsellorId,
            String studentId,
            String paymentId,
            String checkoutSessionId,
            String grantBatchId,
            String notificationId,
            String announcementId,
            String resourceId,
            String interestId,
            Map<String, String> more) {
        /** An object a later feature added to {@link #more} in {@code objectsOfA()}, by name. */
        String of(String kind) {
            String id = more.get(kind);
            if (id == null) {
                throw new IllegalStateException("no object of A named " + kind + " (add it in objectsOfA)");
            }
            return id;
        }
    }

    /**
     * What a route may answer to B. {@code own}: the caller's own or public data (2xx allowed; the
     * body still must not show A's private markers). Otherwise the route names A's object and must
     * refuse: 401/403/404 — and for writes also 400/409/415/422 (input checked before the lookup;
     * the test then proves A unchanged).
     */
    record Case(boolean own, Function<ObjectsOfA, Map<String, String>> variables) {}

    private static Case object(Function<ObjectsOfA, Map<String, String>> variables) {
        return new Case(false, variables);
    }

    private static Case own(Map<String, String> variables) {
        return new Case(true, a -> variables);
    }

    private static Case own() {
        return own(Map.of());
    }

    private static final String SLUG = "referral-trainer";

    /** Every route, one line each. Unmapped routes fail {@link #everyRouteIsMapped()}. */
    static final Map<String, Case> ROUTES = new LinkedHashMap<>();

    static {
        // public pages, sign-in, documents
        ROUTES.put("GET /", own());
        ROUTES.put("GET /signin", own());
        ROUTES.put("POST /signin", own());
        ROUTES.put("POST /signin/verify", own());
        ROUTES.put("GET /signin/google", own());
        ROUTES.put("POST /signout", own());
        ROUTES.put("POST /api/v1/auth/signout", own());
        ROUTES.put("POST /api/v1/auth/otp/request", own());
        ROUTES.put("POST /api/v1/auth/otp/verify", own());
        ROUTES.put("GET /api/v1/me", own());
        ROUTES.put("GET /api/v1/university", own());
        ROUTES.put("GET /openapi.yml", own());
        ROUTES.put("GET /health", own());
        ROUTES.put("GET /health/{selector}", own(Map.of("selector", "liveness")));
        ROUTES.put("GET /dev/mail", own());
        ROUTES.put("POST /webhooks/stripe", own());
        ROUTES.put("POST /webhooks/razorpay", own());
        // AI tools and runs
        ROUTES.put("GET /tools", own());
        ROUTES.put("GET /tools/{slug}", own(Map.of("slug", SLUG)));
        ROUTES.put("POST /tools/{slug}", own(Map.of("slug", SLUG)));
        ROUTES.put("GET /api/v1/tools", own());
        ROUTES.put("POST /api/v1/tools/{slug}/runs", own(Map.of("slug", SLUG)));
        ROUTES.put("POST /api/v1/tools/resume-text", own());
        ROUTES.put("GET /runs", own());
        ROUTES.put("GET /runs/{id}", object(a -> Map.of("id", a.runId())));
        ROUTES.put("POST /runs/{id}/delete", object(a -> Map.of("id", a.runId())));
        ROUTES.put("DELETE /api/v1/runs/{id}", object(a -> Map.of("id", a.runId())));
        // inbox: notifications, preferences, announcements
        ROUTES.put("GET /notifications", own());
        ROUTES.put("POST /notifications/{id}/read", object(a -> Map.of("id", a.notificationId())));
        ROUTES.put("POST /notifications/{id}/open", object(a -> Map.of("id", a.notificationId())));
        ROUTES.put("POST /notifications/read-all", own());
        ROUTES.put("GET /notifications/preferences", own());
        ROUTES.put("POST /notifications/preferences", own());
        ROUTES.put("GET /api/v1/notifications", own());
        ROUTES.put("POST /api/v1/notifications/{id}/read", object(a -> Map.of("id", a.notificationId())));
        ROUTES.put("POST /api/v1/notifications/read-all", own());
        ROUTES.put("GET /api/v1/me/notification-preferences", own());
        ROUTES.put("PUT /api/v1/me/notification-preferences", own());
        // staff: home, students, team, purchases
        ROUTES.put("GET /staff", own());
        ROUTES.put("GET /staff/purchases", own());
        ROUTES.put("POST /staff/purchases", own());
        ROUTES.put("GET /api/v1/staff/purchases", own());
        ROUTES.put("PUT /api/v1/staff/purchases", own());
        ROUTES.put("GET /staff/students", own());
        ROUTES.put("GET /staff/students/invite", own());
        ROUTES.put("POST /staff/students/invite", own());
        ROUTES.put("GET /staff/students/{id}", object(a -> Map.of("id", a.studentId())));
        ROUTES.put("POST /staff/students/{id}/deactivate", object(a -> Map.of("id", a.studentId())));
        ROUTES.put("POST /staff/students/{id}/reactivate", object(a -> Map.of("id", a.studentId())));
        ROUTES.put("GET /api/v1/staff/students", own());
        ROUTES.put("GET /api/v1/staff/students/{id}", object(a -> Map.of("id", a.studentId())));
        ROUTES.put("POST /api/v1/staff/students/{id}/deactivate", object(a -> Map.of("id", a.studentId())));
        ROUTES.put("POST /api/v1/staff/students/{id}/reactivate", object(a -> Map.of("id", a.studentId())));
        ROUTES.put("POST /api/v1/staff/students/invitations", own());
        ROUTES.put("GET /staff/team", own());
        ROUTES.put("POST /staff/team/invite", own());
        ROUTES.put("POST /staff/team/{id}/role", object(a -> Map.of("id", a.studentId())));
        ROUTES.put("POST /staff/team/{id}/deactivate", object(a -> Map.of("id", a.studentId())));
        ROUTES.put("POST /staff/team/{id}/reactivate", object(a -> Map.of("id", a.studentId())));
        // interests and resources
        ROUTES.put("GET /profile", own());
        ROUTES.put("POST /profile/interests", own());
        ROUTES.put("GET /api/v1/me/interests", own());
        ROUTES.put("PUT /api/v1/me/interests", own());
        ROUTES.put("GET /staff/interests", own());
        ROUTES.put("POST /staff/interests", own());
        ROUTES.put("POST /staff/interests/{id}/rename", object(a -> Map.of("id", a.interestId())));
        ROUTES.put("POST /staff/interests/{id}/retire", object(a -> Map.of("id", a.interestId())));
        ROUTES.put("GET /resources", own());
        ROUTES.put("GET /resources/new", own());
        ROUTES.put("POST /resources", own());
        ROUTES.put("GET /resources/mine", own());
        ROUTES.put("GET /resources/{id}", object(a -> Map.of("id", a.resourceId())));
        ROUTES.put("GET /resources/{id}/download", object(a -> Map.of("id", a.resourceId())));
        ROUTES.put("GET /api/v1/resources", own());
        ROUTES.put("POST /api/v1/resources", own());
        ROUTES.put("GET /api/v1/resources/{id}", object(a -> Map.of("id", a.resourceId())));
        ROUTES.put("GET /api/v1/resources/{id}/download", object(a -> Map.of("id", a.resourceId())));
        ROUTES.put("GET /staff/resources", own());
        ROUTES.put("POST /staff/resources/{id}/decision", object(a -> Map.of("id", a.resourceId())));
        ROUTES.put("POST /staff/resources/settings", own());
        ROUTES.put("GET /staff/announcements", own());
        ROUTES.put("POST /staff/announcements", own());
        ROUTES.put("GET /staff/announcements/{id}", object(a -> Map.of("id", a.announcementId())));
        ROUTES.put("POST /staff/announcements/{id}/send", object(a -> Map.of("id", a.announcementId())));
        ROUTES.put("POST /staff/announcements/{id}/cancel", object(a -> Map.of("id", a.announcementId())));
        ROUTES.put("GET /runs/{id}/pdf", object(a -> Map.of("id", a.runId())));
        ROUTES.put("GET /api/v1/runs", own());
        ROUTES.put("GET /api/v1/runs/{id}", object(a -> Map.of("id", a.runId())));
        ROUTES.put("GET /api/v1/runs/{id}/pdf", object(a -> Map.of("id", a.runId())));
        ROUTES.put("GET /staff/tools", own());
        ROUTES.put("POST /staff/tools", own());
        // credits
        ROUTES.put("GET /wallet", own());
        ROUTES.put("GET /api/v1/wallet", own());
        ROUTES.put("GET /api/v1/wallet/transactions", own());
        ROUTES.put("GET /staff/credits", own());
        ROUTES.put("POST /staff/credits/defaults", own());
        ROUTES.put("POST /staff/credits/grants", own());
        ROUTES.put("POST /staff/credits/refill", own());
        ROUTES.put("POST /staff/credits/adjustments", object(a -> Map.of()));
        ROUTES.put("POST /staff/credits/audit", own());
        ROUTES.put("GET /api/v1/staff/ledger-audit", own());
        ROUTES.put("GET /api/v1/staff/credits/grants/{batchId}", object(a -> Map.of("batchId", a.grantBatchId())));
        ROUTES.put("POST /api/v1/staff/credits/adjustments", object(a -> Map.of()));
        // billing
        ROUTES.put("GET /billing", own());
        ROUTES.put("POST /billing/checkout", own());
        ROUTES.put("POST /billing/portal", own());
        ROUTES.put("POST /billing/plan/cancel", own());
        ROUTES.put("GET /billing/success", own());
        ROUTES.put("GET /billing/cancelled", own());
        ROUTES.put("GET /billing/payments/{id}/receipt", object(a -> Map.of("id", a.paymentId())));
        // Razorpay (issue 18): A's payment id on B's sessions is 404 like any other payment of A's
        ROUTES.put("GET /billing/razorpay/{id}", object(a -> Map.of("id", a.paymentId())));
        ROUTES.put("POST /billing/razorpay/{id}/confirm", object(a -> Map.of("id", a.paymentId())));
        ROUTES.put("GET /api/v1/billing/products", own());
        ROUTES.put("POST /api/v1/billing/checkout", own());
        ROUTES.put(
                "GET /api/v1/billing/checkouts/{sessionId}", object(a -> Map.of("sessionId", a.checkoutSessionId())));
        ROUTES.put("GET /api/v1/billing", own());
        // counselling
        ROUTES.put("GET /counselling", own());
        ROUTES.put("GET /counselling/book/{id}", object(a -> Map.of("id", a.counsellorId())));
        ROUTES.put("POST /counselling/book/{id}", object(a -> Map.of("id", a.counsellorId())));
        ROUTES.put("POST /counselling/book/{id}/waitlist", object(a -> Map.of("id", a.counsellorId())));
        ROUTES.put("GET /counsellors/apply", own());
        ROUTES.put("POST /counsellors/apply", own());
        ROUTES.put("GET /counsellor", own());
        ROUTES.put("GET /counsellor/students/{id}", object(a -> Map.of("id", a.studentId())));
        ROUTES.put("POST /counsellor/appointments/{id}/outcome", object(a -> Map.of("id", a.appointmentId())));
        ROUTES.put("GET /counsellor/availability", own());
        ROUTES.put("POST /counsellor/availability", own());
        ROUTES.put("GET /counsellor/profile", own());
        ROUTES.put("POST /counsellor/profile/photo", own());
        ROUTES.put("GET /counselling/photos/{id}", object(a -> Map.of("id", a.counsellorId())));
        ROUTES.put("GET /appointments", own());
        ROUTES.put("GET /appointments/{id}", object(a -> Map.of("id", a.appointmentId())));
        for (String action : List.of("cancel", "reschedule", "feedback", "dispute", "outcome", "notes")) {
            ROUTES.put("POST /appointments/{id}/" + action, object(a -> Map.of("id", a.appointmentId())));
        }
        ROUTES.put("GET /api/v1/counsellors", own());
        ROUTES.put("GET /api/v1/counsellors/{id}", object(a -> Map.of("id", a.counsellorId())));
        ROUTES.put("GET /api/v1/counsellors/{id}/slots", object(a -> Map.of("id", a.counsellorId())));
        ROUTES.put("POST /api/v1/counsellors/{id}/waitlist", object(a -> Map.of("id", a.counsellorId())));
        ROUTES.put("POST /api/v1/appointments", object(a -> Map.of()));
        ROUTES.put("GET /api/v1/appointments", own());
        ROUTES.put("GET /api/v1/appointments/{id}", object(a -> Map.of("id", a.appointmentId())));
        ROUTES.put("GET /api/v1/appointments/{id}/ics", object(a -> Map.of("id", a.appointmentId())));
        for (String action : List.of("cancel", "reschedule", "feedback", "dispute")) {
            ROUTES.put("POST /api/v1/appointments/{id}/" + action, object(a -> Map.of("id", a.appointmentId())));
        }
        ROUTES.put("GET /api/v1/counsellor/availability", own());
        ROUTES.put("PUT /api/v1/counsellor/availability", own());
        ROUTES.put("POST /api/v1/counsellor/appointments/{id}/outcome", object(a -> Map.of("id", a.appointmentId())));
        ROUTES.put("GET /staff/counsellors", own());
        ROUTES.put("POST /staff/counsellors/{id}/decision", object(a -> Map.of("id", a.counsellorId())));
        ROUTES.put("GET /staff/appointments", own());
        ROUTES.put("POST /staff/appointments/book", object(a -> Map.of()));
        ROUTES.put("POST /staff/appointments/{id}/reassign", object(a -> Map.of("id", a.appointmentId())));
        ROUTES.put("GET /staff/counselling", own());
        ROUTES.put("POST /staff/counselling/rules", own());
        ROUTES.put("POST /staff/counselling/students/{id}/lift", object(a -> Map.of("id", a.studentId())));
        // disputes and feedback are keyed by their appointment
        ROUTES.put("POST /staff/counselling/disputes/{id}", object(a -> Map.of("id", a.appointmentId())));
        ROUTES.put("POST /staff/counselling/feedback/{id}/hide", object(a -> Map.of("id", a.appointmentId())));
        // profile (issue 20): the career profile and saved resumes
        ROUTES.put("POST /profile", own());
        ROUTES.put("POST /profile/resumes", own());
        ROUTES.put("POST /profile/resumes/{id}", object(a -> Map.of("id", a.of("resumeId"))));
        ROUTES.put("POST /profile/resumes/{id}/default", object(a -> Map.of("id", a.of("resumeId"))));
        ROUTES.put("POST /profile/resumes/{id}/delete", object(a -> Map.of("id", a.of("resumeId"))));
        ROUTES.put("GET /api/v1/me/profile", own());
        ROUTES.put("PUT /api/v1/me/profile", own());
        ROUTES.put("GET /api/v1/me/resumes", own());
        ROUTES.put("POST /api/v1/me/resumes", own());
        ROUTES.put("PUT /api/v1/me/resumes/{id}", object(a -> Map.of("id", a.of("resumeId"))));
        ROUTES.put("DELETE /api/v1/me/resumes/{id}", object(a -> Map.of("id", a.of("resumeId"))));
        ROUTES.put("POST /counsellor/profile", own());
        // paid expert sessions (issue 18, ADR 34): the caller's own payouts, earnings and session types
        ROUTES.put("GET /counsellor/payouts", own());
        ROUTES.put("POST /counsellor/payouts/onboard", own());
        ROUTES.put("POST /counsellor/payouts/linked-account", own());
        ROUTES.put("GET /counsellor/earnings", own());
        ROUTES.put("GET /api/v1/counsellor/earnings", own());
        ROUTES.put("GET /counsellor/session-types", own());
        ROUTES.put("POST /counsellor/session-types/{slug}/price", own(Map.of("slug", "mock-interview")));
        ROUTES.put("GET /staff/experts", own());
        ROUTES.put("POST /staff/experts/fee", own());
        ROUTES.put("POST /staff/experts/{id}/mark", object(a -> Map.of("id", a.counsellorId())));
        ROUTES.put("POST /staff/experts/{id}/linked-account", object(a -> Map.of("id", a.counsellorId())));
        // leads (issue 16)
        ROUTES.put("GET /contact", own());
        ROUTES.put("POST /contact", own());
        ROUTES.put("POST /api/v1/public/leads", own());
        ROUTES.put("POST /webhooks/twilio/status", own());
        ROUTES.put("GET /staff/leads", own());
        ROUTES.put("GET /staff/leads/settings", own());
        ROUTES.put("POST /staff/leads/settings", own());
        ROUTES.put("GET /staff/leads/{id}", object(a -> Map.of("id", a.of("leadId"))));
        for (String action : List.of("status", "notes", "follow-up", "convert")) {
            ROUTES.put("POST /staff/leads/{id}/" + action, object(a -> Map.of("id", a.of("leadId"))));
        }
        ROUTES.put("GET /api/v1/staff/leads", own());
        ROUTES.put("GET /api/v1/staff/leads/{id}", object(a -> Map.of("id", a.of("leadId"))));
        ROUTES.put("POST /api/v1/staff/leads/{id}/status", object(a -> Map.of("id", a.of("leadId"))));
        // support tickets (issue 16)
        ROUTES.put("GET /support", own());
        ROUTES.put("POST /support", own());
        ROUTES.put("GET /support/{id}", object(a -> Map.of("id", a.of("ticketId"))));
        ROUTES.put("POST /support/{id}/messages", object(a -> Map.of("id", a.of("ticketId"))));
        ROUTES.put("POST /support/{id}/rating", object(a -> Map.of("id", a.of("ticketId"))));
        ROUTES.put("GET /staff/support", own());
        ROUTES.put("GET /staff/support/{id}", object(a -> Map.of("id", a.of("ticketId"))));
        for (String action : List.of("replies", "assign", "close")) {
            ROUTES.put("POST /staff/support/{id}/" + action, object(a -> Map.of("id", a.of("ticketId"))));
        }
        ROUTES.put("POST /api/v1/tickets", own());
        ROUTES.put("GET /api/v1/tickets", own());
        ROUTES.put("POST /api/v1/tickets/{id}/messages", object(a -> Map.of("id", a.of("ticketId"))));
        ROUTES.put("GET /api/v1/staff/tickets", own());
        ROUTES.put("POST /api/v1/staff/tickets/{id}/replies", object(a -> Map.of("id", a.of("ticketId"))));
        // support: resolve, attachments, hours and targets, the public help form (issue 16, h16)
        ROUTES.put("POST /staff/support/{id}/resolve", object(a -> Map.of("id", a.of("ticketId"))));
        ROUTES.put("POST /support/{id}/attachments", object(a -> Map.of("id", a.of("ticketId"))));
        ROUTES.put("POST /staff/support/{id}/attachments", object(a -> Map.of("id", a.of("ticketId"))));
        ROUTES.put(
                "GET /support/{id}/attachments/{attachmentId}",
                object(a -> Map.of("id", a.of("ticketId"), "attachmentId", a.of("ticketAttachmentId"))));
        ROUTES.put(
                "GET /staff/support/{id}/attachments/{attachmentId}",
                object(a -> Map.of("id", a.of("ticketId"), "attachmentId", a.of("ticketAttachmentId"))));
        ROUTES.put("GET /staff/support/settings", own());
        ROUTES.put("POST /staff/support/settings", own());
        ROUTES.put("GET /contact/support", own());
        ROUTES.put("POST /contact/support", own());
        // site: public pages and /staff/site (issue 16)
        for (String page : List.of("/services", "/counsellors", "/faq", "/privacy", "/terms", "/about", "/pricing")) {
            ROUTES.put("GET " + page, own());
        }
        ROUTES.put("GET /counsellors/{id}/photo", object(a -> Map.of("id", a.counsellorId())));
        ROUTES.put("GET /staff/site", own());
        ROUTES.put("POST /staff/site/texts", own());
        ROUTES.put("POST /staff/site/faq", own());
        ROUTES.put("POST /staff/site/faq/{id}", object(a -> Map.of("id", a.of("siteFaqId"))));
        ROUTES.put("POST /staff/site/faq/{id}/remove", object(a -> Map.of("id", a.of("siteFaqId"))));
        ROUTES.put("POST /staff/site/faq/{id}/move", object(a -> Map.of("id", a.of("siteFaqId"))));
    }

    static {
        // courses and cohorts (issue 15): A's course is students-only, so signed out it is not found either
        ROUTES.put("GET /courses", own());
        ROUTES.put("GET /courses/{id}", object(a -> Map.of("id", a.of("courseId"))));
        ROUTES.put("POST /batches/{id}/enrol", object(a -> Map.of("id", a.of("batchId"))));
        ROUTES.put("POST /enrolments/{id}/cancel", object(a -> Map.of("id", a.of("enrolmentId"))));
        ROUTES.put("GET /batches/{id}", object(a -> Map.of("id", a.of("batchId"))));
        ROUTES.put("GET /sessions/{id}/join", object(a -> Map.of("id", a.of("sessionId"))));
        ROUTES.put("POST /sessions/{id}/recording", object(a -> Map.of("id", a.of("sessionId"))));
        ROUTES.put("GET /staff/courses", own());
        ROUTES.put("POST /staff/courses", own());
        ROUTES.put("GET /staff/courses/{id}", object(a -> Map.of("id", a.of("courseId"))));
        ROUTES.put("POST /staff/courses/{id}", object(a -> Map.of("id", a.of("courseId"))));
        ROUTES.put("POST /staff/courses/{id}/batches", object(a -> Map.of("id", a.of("courseId"))));
        ROUTES.put("GET /staff/batches/{id}", object(a -> Map.of("id", a.of("batchId"))));
        ROUTES.put("POST /staff/sessions/{id}/cancel", object(a -> Map.of("id", a.of("sessionId"))));
        ROUTES.put("POST /staff/sessions/{id}/move", object(a -> Map.of("id", a.of("sessionId"))));
        ROUTES.put("GET /api/v1/courses", own());
        ROUTES.put("GET /api/v1/courses/{id}", object(a -> Map.of("id", a.of("courseId"))));
        ROUTES.put("POST /api/v1/batches/{id}/enrolments", object(a -> Map.of("id", a.of("batchId"))));
        ROUTES.put("GET /api/v1/enrolments", own());
        ROUTES.put("GET /api/v1/batches/{id}/sessions", object(a -> Map.of("id", a.of("batchId"))));
        ROUTES.put("GET /api/v1/batches/{id}/assignments", object(a -> Map.of("id", a.of("batchId"))));
        ROUTES.put("GET /api/v1/assignments/{id}/submissions", object(a -> Map.of("id", a.of("assignmentId"))));
        ROUTES.put("POST /api/v1/assignments/{id}/submissions", object(a -> Map.of("id", a.of("assignmentId"))));
        ROUTES.put("POST /api/v1/submissions/{id}/grade", object(a -> Map.of("id", a.of("submissionId"))));
        ROUTES.put("POST /batches/{id}/assignments", object(a -> Map.of("id", a.of("batchId"))));
        ROUTES.put("GET /assignments/{id}", object(a -> Map.of("id", a.of("assignmentId"))));
        ROUTES.put("POST /assignments/{id}", object(a -> Map.of("id", a.of("assignmentId"))));
        ROUTES.put("POST /assignments/{id}/submit", object(a -> Map.of("id", a.of("assignmentId"))));
        ROUTES.put("POST /assignments/{id}/extensions", object(a -> Map.of("id", a.of("assignmentId"))));
        ROUTES.put("GET /assignments/{id}/submissions.zip", object(a -> Map.of("id", a.of("assignmentId"))));
        ROUTES.put("POST /submissions/{id}/grade", object(a -> Map.of("id", a.of("submissionId"))));
        ROUTES.put("GET /submissions/{id}/file", object(a -> Map.of("id", a.of("submissionId"))));
        ROUTES.put("POST /sessions/{id}/materials", object(a -> Map.of("id", a.of("sessionId"))));
        ROUTES.put("POST /sessions/{id}/attendance", object(a -> Map.of("id", a.of("sessionId"))));
        ROUTES.put("POST /assignments/{id}/materials", object(a -> Map.of("id", a.of("assignmentId"))));
        ROUTES.put("POST /materials/{id}/remove", object(a -> Map.of("id", a.of("materialId"))));
        ROUTES.put("GET /materials/{id}/file", object(a -> Map.of("id", a.of("materialId"))));
        // insights (issue 17): audit log page, referrals, staff analytics
        ROUTES.put("GET /staff/audit", own());
        ROUTES.put("GET /staff/audit.csv", own());
        ROUTES.put("GET /api/v1/staff/audit", own());
        ROUTES.put("GET /join", own());
        ROUTES.put("GET /referrals", own());
        ROUTES.put("GET /api/v1/referrals", own());
        ROUTES.put("GET /staff/referrals", own());
        ROUTES.put("POST /staff/referrals/{id}/decision", object(a -> Map.of("id", a.of("referralId"))));
        // Staff payments and refunds (issue 18, payments).
        ROUTES.put("GET /staff/payments", own());
        ROUTES.put("GET /staff/payments/{id}", object(a -> Map.of("id", a.paymentId())));
        ROUTES.put("POST /staff/payments/{id}/refunds", object(a -> Map.of("id", a.paymentId())));
        ROUTES.put("GET /api/v1/staff/payments", own());
        ROUTES.put("POST /api/v1/staff/payments/{id}/refunds", object(a -> Map.of("id", a.paymentId())));
        ROUTES.put("POST /staff/referrals/settings", own());
        ROUTES.put("GET /staff/analytics", own());
        ROUTES.put("GET /api/v1/staff/analytics", own());
        ROUTES.put("GET /api/v1/staff/analytics/{figure}.csv", own(Map.of("figure", "ai-runs-by-tool")));
        // Privacy (issue 18): the caller's own exports and deletion; staff act on a student of theirs.
        ROUTES.put("GET /profile/privacy", own());
        ROUTES.put("POST /profile/privacy/exports", own());
        ROUTES.put("POST /profile/privacy/deletion", own());
        ROUTES.put("POST /profile/privacy/deletion/confirm", own());
        ROUTES.put("POST /profile/privacy/deletion/cancel", own());
        ROUTES.put("POST /api/v1/me/data-exports", own());
        ROUTES.put("GET /api/v1/me/data-exports/{id}", object(a -> Map.of("id", a.of("exportId"))));
        ROUTES.put("GET /api/v1/me/data-exports/{id}/download", object(a -> Map.of("id", a.of("exportId"))));
        ROUTES.put("POST /api/v1/me/deletion", own());
        ROUTES.put("POST /api/v1/me/deletion/confirm", own());
        ROUTES.put("DELETE /api/v1/me/deletion", own());
        ROUTES.put("GET /staff/students/{id}/privacy", object(a -> Map.of("id", a.studentId())));
        ROUTES.put("POST /staff/students/{id}/privacy/exports", object(a -> Map.of("id", a.studentId())));
        ROUTES.put(
                "GET /staff/students/{id}/privacy/exports/{exportId}/download",
                object(a -> Map.of("id", a.studentId(), "exportId", a.of("exportId"))));
        ROUTES.put("POST /staff/students/{id}/privacy/erasure", object(a -> Map.of("id", a.studentId())));
        // Invoices (issue 18, payments).
        ROUTES.put("GET /billing/payments/{id}/invoice.pdf", object(a -> Map.of("id", a.paymentId())));
        ROUTES.put("GET /staff/payments/{id}/invoice.pdf", object(a -> Map.of("id", a.paymentId())));
        ROUTES.put("GET /api/v1/payments/{id}/invoice.pdf", object(a -> Map.of("id", a.paymentId())));
        ROUTES.put("GET /staff/billing/settings", own());
        ROUTES.put("POST /staff/billing/settings", own());
    }

    private static final Set<Integer> REFUSED = Set.of(401, 403, 404);
    private static final Set<Integer> REFUSED_WRITE = Set.of(400, 401, 403, 404, 405, 409, 415, 422);
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)[^}]*}");
    private static final String SECRET_TEXT = "Zyxwvut Quillfeather Holdings";

    final FakeStripeServer stripe = new FakeStripeServer();

    @Inject
    com.careerai.privacy.DataExports dataExports;

    @Inject
    Router router;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    RunService runs;

    @Inject
    BulkGrants grants;

    @Inject
    CounsellingObjects counselling;

    @Inject
    Announcements announcements;

    @Inject
    SavedResumes resumes;

    @Inject
    com.careerai.courses.CourseFixtures courseFixtures;

    University a;
    University b;
    ObjectsOfA objects;
    List<String> markers;
    Map<String, User> callers;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("careerai.billing.secret-key", "sk_test_careerai_fake_key");
        properties.put("careerai.billing.webhook-secret", "whsec_scan");
        properties.put("careerai.billing.api-base", stripe.baseUrl());
        properties.put("careerai.billing.max-network-retries", "0");
        properties.put("careerai.ai.mode", "mock");
        properties.put("micronaut.http.client.follow-redirects", "false");
        return properties;
    }

    @BeforeAll
    void objectsOfA() {
        a = fixtures.university();
        b = fixtures.university();
        User student = fixtures.verifiedStudent(a);
        User staff = fixtures.staff(a);
        ObjectNode input = JsonNodeFactory.instance
                .objectNode()
                .put("situation", "thank-you")
                .put("name", "Ann")
                .put("company", SECRET_TEXT)
                .put("role", "Engineer");
        UUID run = fixtures.in(a, () -> runs.start(SignedInUser.of(student), SLUG, "silver", input))
                .id();
        CounsellingObjects.Booked booked = counselling.booked(a, student, SECRET_TEXT);
        HttpResponse<String> checkout = http.toBlocking()
                .exchange(
                        HttpRequest.POST("/api/v1/billing/checkout", Map.of("product", "gold-10"))
                                .header("Host", hostOf(a.subdomain()))
                                .header(
                                        "Authorization",
                                        sessions.signIn(student).bearer()),
                        String.class);
        String body = checkout.body();
        UUID batch = fixtures.in(
                        a,
                        () -> grants.start(
                                a.id(), "user:" + staff.id(), Currency.SILVER, 1, SECRET_TEXT, UUID.randomUUID()))
                .id();
        long announcement = fixtures.in(
                        a,
                        () -> announcements.create(
                                SignedInUser.of(staff),
                                new Announcements.Draft(
                                        SECRET_TEXT, SECRET_TEXT, Announcement.Audience.ALL_STUDENTS, List.of())))
                .id();
        execute(
                "INSERT INTO notifications (university_id, user_id, kind, title, event_id)"
                        + " VALUES (?, ?, 'RUN', ?, gen_random_uuid())",
                a.id(),
                student.id(),
                SECRET_TEXT);
        long notification = count("SELECT max(id) FROM notifications WHERE university_id = ?", a.id());
        execute(
                "INSERT INTO resources (university_id, uploader_id, uploader_name, title, kind, access, status, url)"
                        + " VALUES (?, ?, 'Uploader', ?, 'LINK', 'EVERYONE', 'PENDING', 'https://example.com/a')",
                a.id(),
                staff.id(),
                SECRET_TEXT);
        long resource = count("SELECT max(id) FROM resources WHERE university_id = ?", a.id());
        execute("INSERT INTO interests (university_id, name) VALUES (?, ?)", a.id(), "Interest " + SECRET_TEXT);
        long interest = count("SELECT max(id) FROM interests WHERE university_id = ?", a.id());
        // Later features add their objects of A here, one line each: more.put("courseId", …).
        Map<String, String> more = new LinkedHashMap<>();
        more.put(
                "resumeId",
                String.valueOf(fixtures.in(
                                a, () -> resumes.add(a.id(), student.id(), SECRET_TEXT, SECRET_TEXT + " resume", true))
                        .id()));
        execute(
                "INSERT INTO leads (university_id, name, email, phone, consent_at) VALUES (?, ?, ?, '+447700900123', now())",
                a.id(),
                SECRET_TEXT,
                "lead-of-a@example.com");
        more.put("leadId", Long.toString(count("SELECT max(id) FROM leads WHERE university_id = ?", a.id())));
        execute(
                "INSERT INTO tickets (university_id, requester_id, requester_email, requester_name, subject, category)"
                        + " VALUES (?, ?, ?, 'Requester', ?, 'general')",
                a.id(),
                student.id(),
                student.email(),
                SECRET_TEXT);
        more.put("ticketId", Long.toString(count("SELECT max(id) FROM tickets WHERE university_id = ?", a.id())));
        execute(
                "INSERT INTO ticket_attachments (university_id, ticket_id, uploader_name, from_staff, file_name,"
                        + " content_type, size_bytes, storage_key) VALUES (?, ?, ?, false, 'a.pdf', 'application/pdf',"
                        + " 1, 'missing-key')",
                a.id(),
                Long.parseLong(more.get("ticketId")),
                SECRET_TEXT);
        more.put(
                "ticketAttachmentId",
                Long.toString(count("SELECT max(id) FROM ticket_attachments WHERE university_id = ?", a.id())));
        more.putAll(courseFixtures.objectsOf(a, student, SECRET_TEXT));
        more.put("referralId", referralOfA(student));
        more.put(
                "exportId",
                fixtures.in(a, () -> dataExports.request(a.id(), student.id(), student.id()))
                        .id()
                        .toString());
        // A's public texts are public on A's host; naming A, they prove B's host never shows them.
        execute(
                "INSERT INTO site_texts (university_id, hero_text, services_blurb) VALUES (?, ?, ?)",
                a.id(),
                "Hero of " + a.name(),
                "Services of " + a.name());
        execute(
                "INSERT INTO site_faq (university_id, position, question, answer) VALUES (?, 0, ?, ?)",
                a.id(),
                "Question of " + a.name() + "?",
                "Answer of " + a.name());
        more.put("siteFaqId", Long.toString(count("SELECT max(id) FROM site_faq WHERE university_id = ?", a.id())));
        objects = new ObjectsOfA(
                run.toString(),
                booked.appointmentId().toString(),
                Long.toString(booked.counsellor().id()),
                Long.toString(student.id()),
                body.replaceAll("(?s).*\"paymentId\":\"([^\"]+)\".*", "$1"),
                body.replaceAll("(?s).*\"sessionId\":\"([^\"]+)\".*", "$1"),
                batch.toString(),
                Long.toString(notification),
                Long.toString(announcement),
                Long.toString(resource),
                Long.toString(interest),
                more);
        markers = List.of(
                SECRET_TEXT,
                student.email(),
                booked.counsellor().email(),
                staff.email(),
                objects.runId(),
                objects.appointmentId(),
                objects.paymentId(),
                objects.checkoutSessionId(),
                objects.grantBatchId());
        callers = new LinkedHashMap<>();
        callers.put("student", fixtures.verifiedStudent(b));
        callers.put(
                "counsellor",
                counselling.booked(b, callers.get("student"), "B's own").counsellor());
        callers.put("staff", fixtures.staff(b));
    }

    @AfterAll
    void stopStripe() {
        stripe.close();
    }

    /** {@code METHOD /template} of every route the router serves (query variables left out). */
    private List<UriRouteInfo<?, ?>> routes() {
        Map<String, UriRouteInfo<?, ?>> byKey = new LinkedHashMap<>();
        router.uriRoutes()
                .filter(route -> Set.of(
                                HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH)
                        .contains(route.getHttpMethod()))
                .forEach(route -> byKey.putIfAbsent(key(route), route)); // one call per method and path
        return List.copyOf(byKey.values());
    }

    private static String key(UriRouteInfo<?, ?> route) {
        String template = route.getUriMatchTemplate().toString().replaceAll("\\{[?&][^}]*}", "");
        return route.getHttpMethod() + " " + (template.isEmpty() ? "/" : template);
    }

    @Test
    void everyRouteIsMapped() {
        Set<String> unmapped = new TreeSet<>();
        routes().forEach(route -> {
            if (!ROUTES.containsKey(key(route))) {
                unmapped.add(key(route));
            }
        });
        assertThat(unmapped)
                .as("Routes without an entry in IsolationScanTest.ROUTES: add one line each, naming which of"
                        + " university A's objects the path variables take (object(a -> Map.of(\"id\", a.runId())))"
                        + " or own() when the route serves the caller's own or public data")
                .isEmpty();
    }

    @Test
    void noRouteShowsOrChangesAnotherUniversitysData() {
        String before = stateOfA();
        List<String> problems = new ArrayList<>();
        int requests = 0;
        for (UriRouteInfo<?, ?> route : routes()) {
            Case scanned = ROUTES.get(key(route));
            if (scanned == null) {
                continue; // reported by everyRouteIsMapped
            }
            String path = fill(
                    key(route).substring(key(route).indexOf(' ') + 1),
                    scanned.variables().apply(objects));
            for (Map.Entry<String, User> caller : callers.entrySet()) {
                for (University host : List.of(a, b)) {
                    Answer answer = call(route, path, host, caller.getValue());
                    requests++;
                    String where = key(route) + " as B's " + caller.getKey() + " on " + host.subdomain() + "'s host";
                    if (answer.status() >= 500) {
                        problems.add(where + ": " + answer.status());
                    }
                    markers.stream()
                            .filter(answer.body()::contains)
                            .forEach(marker -> problems.add(where + " shows A's " + marker));
                    if (host == b && answer.body().contains(a.name())) {
                        problems.add(where + " names university A");
                    }
                    Set<Integer> refused = route.getHttpMethod() == HttpMethod.GET ? REFUSED : REFUSED_WRITE;
                    boolean toSignIn =
                            answer.status() == 303 && answer.location().startsWith("/signin");
                    if (!scanned.own() && !refused.contains(answer.status()) && !toSignIn) {
                        problems.add(where + ": " + answer.status() + " instead of a refusal");
                    }
                }
            }
        }
        System.out.printf("Isolation scan: %d routes, %d requests%n", routes().size(), requests);
        assertThat(problems).isEmpty();
        assertThat(stateOfA()).as("A's rows after the scan").isEqualTo(before);
    }

    /** A referral of A waiting for review (insights, issue 17): {@code student} referred a new student. */
    private String referralOfA(User referrer) {
        User referee = fixtures.student(a);
        execute(
                "INSERT INTO referrals (university_id, referrer_id, referee_id, status, flag, currency, referrer_amount,"
                        + " referee_amount, hold_until) VALUES (?, ?, ?, 'REVIEW', ?, 'SILVER', 5, 5, now())",
                a.id(),
                referrer.id(),
                referee.id(),
                SECRET_TEXT);
        return Long.toString(count("SELECT max(id) FROM referrals WHERE university_id = ?", a.id()));
    }

    /** A's rows that a leaking write would change, as one comparable text. */
    private String stateOfA() {
        return String.join(
                "|",
                Long.toString(count("SELECT count(*) FROM ai_runs WHERE university_id = ?", a.id())),
                Long.toString(count("SELECT count(*) FROM credit_transactions WHERE university_id = ?", a.id())),
                Long.toString(count(
                        "SELECT count(*) FROM appointments WHERE university_id = ? AND status <> 'CANCELLED'", a.id())),
                Long.toString(count("SELECT count(*) FROM payments WHERE university_id = ?", a.id())),
                Long.toString(count("SELECT count(*) FROM audit_log WHERE university_id = ?", a.id())),
                Long.toString(count(
                        "SELECT count(*) FROM enrolments WHERE university_id = ? AND status <> 'CANCELLED'", a.id())),
                Long.toString(count(
                        "SELECT count(*) FROM batch_sessions WHERE university_id = ? AND status = 'SCHEDULED'",
                        a.id())),
                Long.toString(count("SELECT count(*) FROM course_materials WHERE university_id = ?", a.id())),
                Long.toString(count("SELECT count(*) FROM session_attendance WHERE university_id = ?", a.id())),
                Long.toString(
                        count("SELECT count(*) FROM referrals WHERE university_id = ? AND status = 'REVIEW'", a.id())));
    }

    private static String fill(String template, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            if (value == null) {
                throw new AssertionError(
                        "IsolationScanTest.ROUTES gives no value for {" + matcher.group(1) + "} of " + template);
            }
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    record Answer(int status, String location, String body) {}

    private Answer call(UriRouteInfo<?, ?> route, String path, University host, User caller) {
        MutableHttpRequest<?> request = HttpRequest.create(route.getHttpMethod(), path);
        List<MediaType> consumes = route.getConsumes();
        if (route.getHttpMethod() != HttpMethod.GET) {
            if (consumes.contains(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                    && !consumes.contains(MediaType.APPLICATION_JSON_TYPE)) {
                request = HttpRequest.create(route.getHttpMethod(), path)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        .body("reason=scan&note=scan&csrf=scan");
            } else if (consumes.contains(MediaType.MULTIPART_FORM_DATA_TYPE)
                    && !consumes.contains(MediaType.APPLICATION_JSON_TYPE)) {
                request = HttpRequest.create(route.getHttpMethod(), path)
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                        .body(MultipartBody.builder()
                                .addPart("file", "cv.pdf", MediaType.of("application/pdf"), new byte[] {'%'})
                                .build());
            } else {
                request = HttpRequest.create(route.getHttpMethod(), path)
                        .contentType(MediaType.APPLICATION_JSON_TYPE)
                        .body("{}");
            }
        }
        request.header("Host", hostOf(host.subdomain()))
                .header("Authorization", sessions.signIn(caller).bearer())
                .accept(path.startsWith("/api/") ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML);
        try {
            HttpResponse<String> response = http.toBlocking().exchange(request, String.class);
            return new Answer(
                    response.code(),
                    response.getHeaders().get("Location") == null
                            ? ""
                            : response.getHeaders().get("Location"),
                    response.body() == null ? "" : response.body());
        } catch (HttpClientResponseException e) {
            return new Answer(
                    e.code(),
                    e.getResponse().getHeaders().get("Location") == null
                            ? ""
                            : e.getResponse().getHeaders().get("Location"),
                    e.getResponse().getBody(String.class).orElse(""));
        }
    }
}
