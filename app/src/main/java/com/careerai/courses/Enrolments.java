package com.careerai.courses;

import com.careerai.auth.SignedInUser;
import com.careerai.billing.ItemCheckouts;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Students enrol here. Free → ACTIVE at once; credits → debited in the enrolment's transaction;
 * money → PENDING with a Stripe Checkout opened after that transaction commits, ACTIVE only when
 * billing's signed webhook confirms the payment ({@link EnrolmentPaymentListener}). A full batch
 * puts the student on its waitlist.
 */
@Singleton
public class Enrolments {
    private final EnrolmentDesk desk;
    private final EnrolmentStore store;
    private final ItemCheckouts checkouts;
    private final PageReads reads;

    Enrolments(EnrolmentDesk desk, EnrolmentStore store, ItemCheckouts checkouts, PageReads reads) {
        this.desk = desk;
        this.store = store;
        this.checkouts = checkouts;
        this.reads = reads;
    }

    /** What enrolling gave: the enrolment, where to pay when it waits for money, whether waitlisted. */
    public record Result(Enrolment enrolment, long courseId, @Nullable String checkoutUrl, boolean waitlisted) {}

    /**
     * @param pay "credits" or "money" when the course is sold both ways; null for the default (credits first)
     * @param siteUrl the university's site, for Stripe's return links
     */
    public Result enrol(SignedInUser student, long batchId, @Nullable String pay, String siteUrl) {
        Enrolment.Payment wanted = parse(pay);
        EnrolmentDesk.Outcome outcome =
                desk.enrol(student, batchId, wanted, checkouts.configured(student.universityId()));
        if (!outcome.checkout()) {
            return new Result(outcome.enrolment(), outcome.course().id(), null, outcome.waitlisted());
        }
        Enrolment enrolment = outcome.enrolment();
        Course course = outcome.course();
        if (enrolment.paymentId() == null || enrolment.currency() == null) {
            throw new IllegalStateException("pending enrolment " + enrolment.id() + " without a payment");
        }
        try {
            ItemCheckouts.Checkout checkout = checkouts.checkout(
                    student,
                    new ItemCheckouts.Item(
                            enrolment.paymentId(),
                            "Course: " + course.title() + " — "
                                    + outcome.batch().name(),
                            enrolment.amountCents(),
                            enrolment.currency()),
                    siteUrl,
                    "/courses/" + course.id());
            return new Result(enrolment, course.id(), checkout.url(), false);
        } catch (RuntimeException e) {
            // no page to pay on: give the place back rather than hold it for a payment that cannot come
            desk.cancel(student.universityId(), enrolment.id(), "checkout failed", false);
            throw e;
        }
    }

    /** The student gives up their place (or wait); credits are given back before the batch starts. */
    public void cancel(SignedInUser student, long enrolmentId) {
        Enrolment enrolment = mine(student, enrolmentId);
        desk.cancel(student.universityId(), enrolment.id(), "cancelled by the student", true);
    }

    @Transactional(readOnly = true)
    public List<Enrolment> mine(SignedInUser student) {
        return store.ofUser(student.universityId(), student.userId(), 100);
    }

    /** A student's live enrolments in a course's batches, by batch. */
    Map<Long, Enrolment> liveInCourse(long universityId, long courseId, long userId) {
        return reads.read(EnrolmentStore.liveInCourseRead(universityId, courseId, userId));
    }

    /** What {@link #liveInCourse} reads, for a course's page to send with its other reads (ADR 0076). */
    PageRead<?> liveInCourseRead(long universityId, long courseId, long userId) {
        return EnrolmentStore.liveInCourseRead(universityId, courseId, userId);
    }

    @Transactional(readOnly = true)
    Enrolment mine(SignedInUser student, long enrolmentId) {
        return store.find(student.universityId(), enrolmentId)
                .filter(enrolment -> enrolment.userId() == student.userId())
                .orElseThrow(CourseProblem::notFound);
    }

    @Transactional(readOnly = true)
    public List<Enrolment> ofBatch(long universityId, long batchId) {
        return store.ofBatch(universityId, batchId);
    }

    @Transactional(readOnly = true)
    public Map<Enrolment.Status, Long> countsByStatus(long universityId, long batchId) {
        return store.countsByStatus(universityId, batchId);
    }

    @Transactional(readOnly = true)
    public List<EnrolmentStore.Revenue> revenue(long universityId, long batchId) {
        return store.revenue(universityId, batchId);
    }

    @Nullable
    static Enrolment.Payment parse(@Nullable String pay) {
        if (pay == null || pay.isBlank()) {
            return null;
        }
        try {
            return Enrolment.Payment.valueOf(pay.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CourseProblem.invalid(Map.of("pay", "Choose credits or money."));
        }
    }
}
