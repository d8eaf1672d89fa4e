package com.careerai.courses;

import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import com.careerai.credits.Currency;
import com.careerai.credits.Wallets;
import com.careerai.notifications.Notice;
import com.careerai.notifications.NoticeKind;
import com.careerai.notifications.Notifications;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jobrunr.scheduling.JobRequestScheduler;

/**
 * The database side of enrolment, one transaction per method: places are taken and released
 * through the batch's counter (V60), credits are debited in the same transaction as the place,
 * a freed place is offered to the first student waiting and held for {@link #OFFER_HOLD}.
 */
@Singleton
class EnrolmentDesk {
    static final String FEATURE = "courses";
    static final Duration OFFER_HOLD = Duration.ofHours(24);

    private final CourseStore courses;
    private final EnrolmentStore enrolments;
    private final Wallets wallets;
    private final Notifications notifications;
    private final JobRequestScheduler scheduler;
    private final CourseClock clock;

    EnrolmentDesk(
            CourseStore courses,
            EnrolmentStore enrolments,
            Wallets wallets,
            Notifications notifications,
            JobRequestScheduler scheduler,
            CourseClock clock) {
        this.courses = courses;
        this.enrolments = enrolments;
        this.wallets = wallets;
        this.notifications = notifications;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** What enrolling did; {@code checkout} when the student must now pay through Stripe. */
    record Outcome(Enrolment enrolment, Course course, Batch batch, boolean waitlisted, boolean checkout) {}

    @Transactional
    Outcome enrol(SignedInUser student, long batchId, @Nullable Enrolment.Payment wanted, boolean moneyAvailable) {
        if (student.role() != Role.STUDENT) {
            throw CourseProblem.studentsOnly();
        }
        long universityId = student.universityId();
        Batch batch = courses.batch(universityId, batchId).orElseThrow(CourseProblem::notFound);
        Course course = courses.course(universityId, batch.courseId())
                .filter(found -> !found.archived())
                .orElseThrow(CourseProblem::notFound);
        Optional<Enrolment> existing = enrolments.live(universityId, batchId, student.userId());
        if (existing.isPresent()) {
            return again(student, existing.get(), course, batch, wanted, moneyAvailable);
        }
        if (!batch.openAt(clock.now())) {
            throw CourseProblem.enrolmentClosed();
        }
        Enrolment.Payment payment = payment(course, wanted, moneyAvailable);
        UUID reference = UUID.randomUUID();
        boolean reserved = enrolments.hasReservation(universityId, batchId, student.email());
        if (!reserved && !courses.takePlace(universityId, batchId)) {
            Enrolment waiting = enrolments.insert(
                    universityId,
                    batchId,
                    student.userId(),
                    Enrolment.Status.WAITLISTED,
                    reference,
                    null,
                    null,
                    0,
                    0,
                    null,
                    null);
            return new Outcome(waiting, course, batch, true, false);
        }
        Enrolment enrolment =
                switch (payment) {
                    case FREE ->
                        enrolments.insert(
                                universityId,
                                batchId,
                                student.userId(),
                                Enrolment.Status.ACTIVE,
                                reference,
                                payment,
                                null,
                                0,
                                0,
                                null,
                                null);
                    case CREDITS -> {
                        Enrolment paid = enrolments.insert(
                                universityId,
                                batchId,
                                student.userId(),
                                Enrolment.Status.ACTIVE,
                                reference,
                                payment,
                                course.creditsCurrency(),
                                course.priceCredits(),
                                0,
                                null,
                                null);
                        debit(paid, course);
                        yield paid;
                    }
                    case MONEY ->
                        enrolments.insert(
                                universityId,
                                batchId,
                                student.userId(),
                                Enrolment.Status.PENDING,
                                reference,
                                payment,
                                null,
                                0,
                                course.priceCents(),
                                course.currency(),
                                reference);
                };
        if (reserved) {
            enrolments.useReservation(universityId, batchId, student.email(), enrolment.id());
        }
        if (enrolment.status() == Enrolment.Status.ACTIVE) {
            enrolled(enrolment, course, batch);
        }
        return new Outcome(enrolment, course, batch, false, enrolment.status() == Enrolment.Status.PENDING);
    }

    /** Enrolling again: accepts a held offer, reopens a pending checkout, else refuses. */
    private Outcome again(
            SignedInUser student,
            Enrolment existing,
            Course course,
            Batch batch,
            @Nullable Enrolment.Payment wanted,
            boolean moneyAvailable) {
        Enrolment locked =
                enrolments.lock(student.universityId(), existing.id()).orElseThrow();
        switch (locked.status()) {
            case PENDING -> {
                return new Outcome(locked, course, batch, false, true);
            }
            case WAITLISTED -> {
                return new Outcome(locked, course, batch, true, false);
            }
            case OFFERED -> {
                if (locked.offeredUntil() == null || !locked.offeredUntil().isAfter(clock.now())) {
                    throw new CourseProblem(HttpStatus.CONFLICT, "offer_expired", "The place held for you has lapsed.");
                }
                Enrolment.Payment payment = payment(course, wanted, moneyAvailable);
                long universityId = student.universityId();
                switch (payment) {
                    case FREE ->
                        enrolments.pay(
                                universityId, locked.id(), Enrolment.Status.ACTIVE, payment, null, 0, 0, null, null);
                    case CREDITS -> {
                        enrolments.pay(
                                universityId,
                                locked.id(),
                                Enrolment.Status.ACTIVE,
                                payment,
                                course.creditsCurrency(),
                                course.priceCredits(),
                                0,
                                null,
                                null);
                        debit(locked, course);
                    }
                    case MONEY ->
                        enrolments.pay(
                                universityId,
                                locked.id(),
                                Enrolment.Status.PENDING,
                                payment,
                                null,
                                0,
                                course.priceCents(),
                                course.currency(),
                                locked.reference());
                }
                Enrolment now = enrolments.find(universityId, locked.id()).orElseThrow();
                if (now.status() == Enrolment.Status.ACTIVE) {
                    enrolled(now, course, batch);
                }
                return new Outcome(now, course, batch, false, now.status() == Enrolment.Status.PENDING);
            }
            default -> throw CourseProblem.alreadyEnrolled();
        }
    }

    private void debit(Enrolment enrolment, Course course) {
        Currency currency = course.creditsCurrency();
        Integer amount = course.priceCredits();
        if (currency == null || amount == null) {
            throw new IllegalStateException("course " + course.id() + " has no credits price");
        }
        wallets.debitAmount(
                enrolment.universityId(),
                enrolment.userId(),
                FEATURE,
                currency,
                amount,
                enrolment.reference(),
                debitKey(enrolment));
    }

    static String debitKey(Enrolment enrolment) {
        return "enrolment:" + enrolment.reference();
    }

    private static Enrolment.Payment payment(
            Course course, @Nullable Enrolment.Payment wanted, boolean moneyAvailable) {
        if (course.free()) {
            return Enrolment.Payment.FREE;
        }
        if (wanted == Enrolment.Payment.CREDITS && course.soldForCredits()) {
            return Enrolment.Payment.CREDITS;
        }
        if (wanted == Enrolment.Payment.MONEY && course.soldForMoney()) {
            if (!moneyAvailable) {
                throw paymentsUnavailable();
            }
            return Enrolment.Payment.MONEY;
        }
        if (wanted != null && wanted != Enrolment.Payment.FREE) {
            throw CourseProblem.invalid(java.util.Map.of("pay", "This course is not sold that way."));
        }
        if (course.soldForCredits()) {
            return Enrolment.Payment.CREDITS;
        }
        if (!moneyAvailable) {
            throw paymentsUnavailable();
        }
        return Enrolment.Payment.MONEY;
    }

    static CourseProblem paymentsUnavailable() {
        return new CourseProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "payments_unavailable",
                "Card payments are not set up for this university yet, so this course cannot be bought online.");
    }

    /** Stripe confirmed the payment of a PENDING enrolment: it becomes ACTIVE (once). */
    @Transactional
    void paymentConfirmed(long universityId, UUID paymentId) {
        Optional<Enrolment> found = enrolments.lockByPayment(universityId, paymentId);
        if (found.isEmpty()) {
            return; // a payment of something else
        }
        Enrolment enrolment = found.get();
        if (enrolment.status() == Enrolment.Status.PENDING) {
            enrolments.activate(universityId, enrolment.id());
            Batch batch = courses.batch(universityId, enrolment.batchId()).orElseThrow();
            Course course = courses.course(universityId, batch.courseId()).orElseThrow();
            enrolled(enrolment, course, batch);
        } else if (enrolment.status() == Enrolment.Status.CANCELLED
                && courses.takePlace(universityId, enrolment.batchId())) {
            // paid after the enrolment was given up (e.g. cancelled while Stripe was still working): honour it
            enrolments.activate(universityId, enrolment.id());
        }
    }

    /** Stripe refunded the payment in full: the enrolment is cancelled and its place freed. */
    @Transactional
    void paymentRefunded(long universityId, UUID paymentId) {
        enrolments
                .lockByPayment(universityId, paymentId)
                .filter(enrolment -> enrolment.status() != Enrolment.Status.CANCELLED)
                .ifPresent(enrolment -> {
                    cancelLocked(enrolment, "refunded", false);
                    notifications.publish(
                            universityId,
                            enrolment.userId(),
                            new Notice(
                                    NoticeKind.COURSE,
                                    "Your course payment was refunded",
                                    "Your place was given up and the batch page is closed to you.",
                                    "/courses",
                                    false));
                });
    }

    /** The student abandoned the card checkout: a still-PENDING enrolment is cancelled and its place offered on. */
    @Transactional
    void checkoutExpired(long universityId, UUID paymentId) {
        enrolments
                .lockByPayment(universityId, paymentId)
                .filter(enrolment -> enrolment.status() == Enrolment.Status.PENDING)
                .ifPresent(enrolment -> {
                    cancelLocked(enrolment, "checkout expired", false);
                    notifications.publish(
                            universityId,
                            enrolment.userId(),
                            new Notice(
                                    NoticeKind.COURSE,
                                    "Your course payment was not completed",
                                    "The checkout expired, so the place held for you was given up. You can enrol"
                                            + " again from the course page.",
                                    "/courses",
                                    false));
                });
    }

    /**
     * Cancels an enrolment (student or staff); a credits payment is given back when {@code refund}.
     * A place it held goes to the first student waiting.
     */
    @Transactional
    void cancel(long universityId, long enrolmentId, String reason, boolean refund) {
        Enrolment enrolment = enrolments.lock(universityId, enrolmentId).orElseThrow(CourseProblem::notFound);
        if (enrolment.status() != Enrolment.Status.CANCELLED) {
            cancelLocked(enrolment, reason, refund);
        }
    }

    private void cancelLocked(Enrolment enrolment, String reason, boolean refund) {
        long universityId = enrolment.universityId();
        enrolments.cancel(universityId, enrolment.id(), reason);
        if (refund && enrolment.payment() == Enrolment.Payment.CREDITS) {
            wallets.refundDebit(universityId, debitKey(enrolment), "refund:" + debitKey(enrolment));
        }
        if (enrolment.status().holdsPlace()) {
            courses.releasePlace(universityId, enrolment.batchId());
            offerNext(universityId, enrolment.batchId());
        }
    }

    /** Offers a free place to the first student waiting, held for 24 hours; nothing when none waits. */
    void offerNext(long universityId, long batchId) {
        Optional<Enrolment> first = enrolments.lockFirstWaiting(universityId, batchId);
        if (first.isEmpty() || !courses.takePlace(universityId, batchId)) {
            return;
        }
        Enrolment waiting = first.get();
        Instant until = clock.now().plus(OFFER_HOLD);
        enrolments.offer(universityId, waiting.id(), until);
        scheduler.schedule(
                ExpireCourseOfferJobRequest.jobId(universityId, waiting.id(), until),
                until,
                new ExpireCourseOfferJobRequest(universityId, waiting.id()));
        Batch batch = courses.batch(universityId, batchId).orElseThrow();
        Course course = courses.course(universityId, batch.courseId()).orElseThrow();
        notifications.publish(
                universityId,
                waiting.userId(),
                new Notice(
                        NoticeKind.COURSE,
                        "A place is free on " + course.title(),
                        "A place on " + batch.name()
                                + " is held for you for 24 hours. Enrol from the course page to take it.",
                        "/courses/" + course.id(),
                        true));
    }

    /** Ends an offer whose hold lapsed and offers the place to the next student waiting. */
    @Transactional
    void expireOffer(long universityId, long enrolmentId) {
        enrolments
                .lock(universityId, enrolmentId)
                .filter(enrolment -> enrolment.status() == Enrolment.Status.OFFERED)
                .filter(enrolment -> enrolment.offeredUntil() != null
                        && !enrolment.offeredUntil().isAfter(clock.now()))
                .ifPresent(enrolment -> cancelLocked(enrolment, "offer lapsed", false));
    }

    private void enrolled(Enrolment enrolment, Course course, Batch batch) {
        notifications.publish(
                enrolment.universityId(),
                enrolment.userId(),
                new Notice(
                        NoticeKind.COURSE,
                        "You are enrolled on " + course.title(),
                        batch.name() + " starts on " + batch.startsOn() + ". Your schedule is on the batch page.",
                        "/batches/" + batch.id(),
                        false));
    }
}
