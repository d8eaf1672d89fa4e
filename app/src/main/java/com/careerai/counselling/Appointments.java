package com.careerai.counselling;

import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.billing.ExpertProblems;
import com.careerai.billing.Plans;
import com.careerai.credits.Currency;
import com.careerai.credits.Wallets;
import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Booking, cancelling, moving and closing appointments. Each change is one transaction: the
 * student's standing row is locked, the rules are checked, the appointment is written (PostgreSQL's
 * exclusion constraint refuses an overlap) and the payment is taken or given back, so a refused
 * slot never charges. A booking's emails are queued in its transaction (the outbox sends them once
 * it commits); reminders are scheduled after commit.
 */
@Singleton
public class Appointments {
    /** The most appointments staff's list and its CSV show. */
    static final int STAFF_LIST = 1000;

    /** The ledger feature of counselling charges. */
    public static final String FEATURE = "counselling";

    private final CounsellorStore counsellors;
    private final AppointmentStore store;
    private final StandingStore standing;
    private final Availability availability;
    private final MeetingRooms rooms;
    private final Wallets wallets;
    private final Plans plans;
    private final UserAccounts users;
    private final AppointmentMails mails;
    private final AppointmentNotices notices;
    private final Reminders reminders;
    private final Waitlist waitlist;
    private final CounsellingClock clock;
    private final TransactionOperations<Connection> transactions;
    private final AuditLog auditLog;
    private final SharedResumes sharedResumes;
    private final PaidSessions paidSessions;
    private final PageReads reads;

    Appointments(
            CounsellorStore counsellors,
            AppointmentStore store,
            StandingStore standing,
            Availability availability,
            MeetingRooms rooms,
            Wallets wallets,
            Plans plans,
            UserAccounts users,
            AppointmentMails mails,
            AppointmentNotices notices,
            Reminders reminders,
            Waitlist waitlist,
            CounsellingClock clock,
            TransactionOperations<Connection> transactions,
            AuditLog auditLog,
            SharedResumes sharedResumes,
            PaidSessions paidSessions,
            PageReads reads) {
        this.reads = reads;
        this.paidSessions = paidSessions;
        this.sharedResumes = sharedResumes;
        this.counsellors = counsellors;
        this.store = store;
        this.standing = standing;
        this.availability = availability;
        this.rooms = rooms;
        this.wallets = wallets;
        this.plans = plans;
        this.users = users;
        this.mails = mails;
        this.notices = notices;
        this.reminders = reminders;
        this.waitlist = waitlist;
        this.clock = clock;
        this.transactions = transactions;
        this.auditLog = auditLog;
    }

    /** What to book. */
    record BookingRequest(
            long counsellorId, String sessionType, Instant start, @Nullable String note, @Nullable UUID resumeRunId) {}

    /**
     * Books for {@code studentId} ({@code actor} is the student, or staff booking on a student's behalf).
     *
     * @throws SlotTakenException 409 when the time was taken meanwhile (nothing charged)
     * @throws CounsellingException 422 {@code not_a_slot}, 403 {@code booking_blocked}, 409 {@code too_many_bookings}
     * @throws com.careerai.credits.InsufficientCreditsException 402
     */
    Appointment book(SignedInUser actor, long studentId, BookingRequest request) {
        return book(actor, studentId, request, null).appointment();
    }

    /**
     * A booking, and for a session paid by card the Stripe page to pay on (the appointment is then
     * PENDING, its slot held for {@link PaidSessions#HOLD}).
     */
    record Booked(Appointment appointment, @Nullable String checkoutUrl) {}

    /**
     * Books; a session with a money price is paid by card (only by the student, with {@code siteUrl}
     * for Stripe's return links): PENDING until billing's webhook confirms the payment.
     *
     * @throws CounsellingException 409 {@code pay_by_card} for a card-priced session booked by staff or without a site
     */
    Booked book(SignedInUser actor, long studentId, BookingRequest request, @Nullable String siteUrl) {
        long universityId = actor.universityId();
        String note = request.note() == null ? null : request.note().strip();
        if (note != null && note.length() > 2000) {
            throw CounsellingException.invalid("note", "Keep the note under 2000 characters.");
        }
        Appointment booked = transactions.executeWrite(status -> {
            Counsellor counsellor = counsellors
                    .find(universityId, request.counsellorId())
                    .filter(Counsellor::bookable)
                    .orElseThrow(CounsellingException::counsellorNotFound);
            SessionType type = counsellors
                    .sessionType(universityId, counsellor.userId(), request.sessionType())
                    .filter(SessionType::active)
                    .orElseThrow(() -> CounsellingException.invalid(
                            "sessionType", "This counsellor does not offer that session."));
            User student = users.find(universityId, studentId)
                    .filter(user -> user.role() == Role.STUDENT)
                    .orElseThrow(() -> CounsellingException.invalid("student", "Choose a student of this university."));
            Instant now = clock.now();
            checkStanding(universityId, student.id(), now);
            sharedResumes.check(universityId, student.id(), request.resumeRunId());
            if (!availability.isSlot(counsellor, type, request.start())) {
                throw CounsellingException.notASlot();
            }
            waitlist.checkNotHeld(universityId, counsellor.userId(), student.id(), request.start());
            Payment payment = paymentFor(universityId, student.id(), type, request.start());
            if (payment == Payment.CARD && !paidSessions.possible(universityId)) {
                throw CounsellingException.conflict("stripe_required", ExpertProblems.StripeRequired.MESSAGE);
            }
            if (payment == Payment.CARD
                    && (siteUrl == null
                            || actor.userId() != student.id()
                            || !paidSessions.canCharge(universityId, counsellor.userId()))) {
                throw CounsellingException.conflict(
                        "pay_by_card",
                        actor.userId() != student.id() || siteUrl == null
                                ? "This session is paid by card: the student books it themselves."
                                : "This counsellor cannot take card payments just now; choose another session.");
            }
            int charge = payment == Payment.GOLD ? type.priceGold() : 0;
            Appointment appointment = new Appointment(
                    universityId,
                    UUID.randomUUID(),
                    counsellor.userId(),
                    student.id(),
                    type.id(),
                    type.slug(),
                    type.name(),
                    request.start(),
                    request.start().plus(Duration.ofMinutes(type.minutes())),
                    payment == Payment.CARD ? AppointmentStatus.PENDING : AppointmentStatus.CONFIRMED,
                    payment,
                    charge,
                    false,
                    note == null || note.isEmpty() ? null : note,
                    request.resumeRunId(),
                    rooms.roomFor(counsellor),
                    0,
                    null,
                    actor.userId(),
                    null,
                    null,
                    null,
                    now);
            store.insert(
                    appointment,
                    appointment.startsAt().minus(counsellor.bufferBefore()),
                    appointment.endsAt().plus(counsellor.bufferAfter()));
            if (payment == Payment.GOLD) {
                wallets.debitAmount(
                        universityId,
                        student.id(),
                        FEATURE,
                        Currency.GOLD,
                        charge,
                        appointment.id(),
                        appointment.debitKey());
            }
            store.record(
                    universityId,
                    appointment.id(),
                    "BOOKED",
                    actor.userId(),
                    "{\"start\":\"" + appointment.startsAt() + "\",\"payment\":\"" + payment + "\"}");
            if (actor.userId() != student.id()) {
                auditLog.record(
                        universityId,
                        "user:" + actor.userId(),
                        "counselling.appointment.booked_for_student",
                        Map.of(
                                "appointment", appointment.id().toString(),
                                "student", student.id(),
                                "counsellor", counsellor.userId(),
                                "start", appointment.startsAt().toString(),
                                "payment", payment.name()));
            }
            waitlist.markBooked(universityId, counsellor.userId(), student.id());
            if (payment == Payment.CARD) {
                paidSessions.hold(appointment, type); // confirmed (notices, mails) once paid
            } else {
                notices.booked(appointment);
                // queued with the booking (outbox): sent once it commits, and never lost after it did
                mails.booked(appointment, counsellor, student);
            }
            return appointment;
        });
        if (booked.payment() == Payment.CARD) {
            return new Booked(booked, paidSessions.openCheckout(actor, booked, siteUrl));
        }
        reminders.schedule(booked);
        return new Booked(booked, null);
    }

    /** Throws 403 {@code booking_blocked} or 409 {@code too_many_bookings}; locks the student's standing. */
    private void checkStanding(long universityId, long studentId, Instant now) {
        standing.lock(universityId, studentId);
        BookingRules rules = counsellors.rules(universityId);
        long strikes = standing.countingStrikes(universityId, studentId, now);
        if (strikes >= rules.noShowStrikeLimit()) {
            throw CounsellingException.bookingBlocked("Booking is paused: you missed " + strikes
                    + " appointments in the last 90 days without cancelling. The careers team can lift this;"
                    + " you can also dispute a missed appointment from its page.");
        }
        if (store.countUpcomingOfStudent(universityId, studentId, now) >= rules.maxActiveBookings()) {
            throw CounsellingException.conflict(
                    "too_many_bookings",
                    "You already have " + rules.maxActiveBookings()
                            + " upcoming appointments, the most you can hold at once. Cancel one or wait until it has happened.");
        }
    }

    private Payment paymentFor(long universityId, long studentId, SessionType type, Instant start) {
        if (type.paidByCard()) {
            return Payment.CARD;
        }
        if (type.included()) {
            int included = plans.includes(universityId, studentId).counsellingSessions();
            YearMonth month = YearMonth.from(start.atOffset(ZoneOffset.UTC));
            Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant until = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            // a negative number of included sessions means unlimited
            if (included < 0
                    || (included > 0 && store.countPlanSessions(universityId, studentId, from, until) < included)) {
                return Payment.PLAN;
            }
        }
        return type.free() ? Payment.FREE : Payment.GOLD;
    }

    /**
     * Cancels. A student inside the university's window (at least that many hours before the start)
     * gets the payment back; later, nothing is given back. A counsellor or staff cancellation always refunds.
     */
    Appointment cancel(SignedInUser actor, UUID id, @Nullable String reason) {
        long universityId = actor.universityId();
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 1000) {
            throw CounsellingException.invalid("reason", "Keep the reason under 1000 characters.");
        }
        Appointment[] before = new Appointment[1];
        Appointment cancelled = transactions.executeWrite(status -> {
            Appointment appointment = lockVisible(actor, id);
            before[0] = appointment;
            if (!appointment.isActive()) {
                throw CounsellingException.conflict(
                        "not_cancellable",
                        "This appointment is already "
                                + appointment.status().name().toLowerCase(java.util.Locale.ROOT) + ".");
            }
            Instant now = clock.now();
            boolean byStudent = actor.userId() == appointment.studentId();
            if (byStudent && !now.isBefore(appointment.startsAt())) {
                throw CounsellingException.conflict(
                        "already_started", "This appointment has started; it can no longer be cancelled.");
            }
            boolean refund = !byStudent || insideWindow(universityId, appointment, now);
            boolean refunded = refund && giveBack(appointment);
            store.cancel(universityId, id, actor.userId(), why, refunded);
            if (actor.isStaff() && !byStudent && actor.userId() != appointment.counsellorId()) {
                Map<String, Object> details = new java.util.LinkedHashMap<>();
                details.put("appointment", id.toString());
                details.put("student", appointment.studentId());
                details.put("before", appointment.status().name());
                details.put("after", "CANCELLED");
                details.put("refunded", refunded);
                if (why != null) {
                    details.put("reason", why);
                }
                auditLog.record(
                        universityId, "user:" + actor.userId(), "counselling.appointment.cancelled_by_staff", details);
            }
            store.record(universityId, id, "CANCELLED", actor.userId(), "{\"refunded\":" + refunded + "}");
            Appointment cancelledNow = store.find(universityId, id).orElseThrow();
            notices.cancelled(cancelledNow);
            return cancelledNow;
        });
        reminders.remove(before[0], before[0].sequence());
        mails.cancelled(cancelled, cancelled.refunded());
        waitlist.offerFreedSlot(universityId, cancelled.counsellorId(), cancelled.startsAt());
        return cancelled;
    }

    /** Whether a student may still cancel with a refund or move the appointment now. */
    boolean insideWindow(long universityId, Appointment appointment, Instant now) {
        BookingRules rules = reads.read(CounsellorStore.rulesRead(universityId));
        return !now.isAfter(appointment.startsAt().minus(Duration.ofHours(rules.cancellationWindowHours())));
    }

    /** Gives back what the appointment cost; false when it was free. */
    private boolean giveBack(Appointment appointment) {
        switch (appointment.payment()) {
            case GOLD -> {
                wallets.refundDebit(appointment.universityId(), appointment.debitKey(), appointment.refundKey());
                return true;
            }
            case PLAN -> {
                return true; // a refunded plan session no longer counts against the month
            }
            case CARD -> {
                // Stripe after commit (outbox): transfer reversed, platform fee refunded in proportion
                return paidSessions.refundLater(appointment, "cancel");
            }
            default -> {
                return false;
            }
        }
    }

    /** Moves to another slot of the same counsellor and type; the UID stays, the sequence goes up. */
    Appointment reschedule(SignedInUser actor, UUID id, Instant start) {
        long universityId = actor.universityId();
        Appointment[] before = new Appointment[1];
        Appointment moved = transactions.executeWrite(status -> {
            Appointment appointment = lockVisible(actor, id);
            before[0] = appointment;
            Instant now = clock.now();
            if (!appointment.isActive()) {
                throw CounsellingException.conflict("not_movable", "Only an upcoming appointment can be moved.");
            }
            if (!now.isBefore(appointment.startsAt())) {
                throw CounsellingException.conflict(
                        "already_started", "This appointment has started; it can no longer be moved.");
            }
            if (actor.userId() == appointment.studentId() && !insideWindow(universityId, appointment, now)) {
                throw CounsellingException.conflict(
                        "reschedule_window_passed",
                        "It is too close to the start to move this appointment. You can still cancel it, without a refund.");
            }
            Counsellor counsellor =
                    counsellors.find(universityId, appointment.counsellorId()).orElseThrow();
            SessionType type = counsellors
                    .sessionType(universityId, counsellor.userId(), appointment.sessionType())
                    .orElseThrow();
            if (start.equals(appointment.startsAt()) || !availability.isSlot(counsellor, type, start)) {
                throw CounsellingException.notASlot();
            }
            store.move(
                    universityId,
                    id,
                    start,
                    start.plus(Duration.ofMinutes(type.minutes())),
                    start.minus(counsellor.bufferBefore()),
                    start.plus(Duration.ofMinutes(type.minutes())).plus(counsellor.bufferAfter()));
            store.record(
                    universityId,
                    id,
                    "RESCHEDULED",
                    actor.userId(),
                    "{\"from\":\"" + appointment.startsAt() + "\",\"to\":\"" + start + "\"}");
            Appointment movedNow = store.find(universityId, id).orElseThrow();
            notices.rescheduled(movedNow);
            return movedNow;
        });
        reminders.remove(before[0], before[0].sequence());
        reminders.schedule(moved);
        mails.rescheduled(moved);
        waitlist.offerFreedSlot(universityId, moved.counsellorId(), before[0].startsAt());
        return moved;
    }

    /** The counsellor (or staff) records what happened: COMPLETED, or NO_SHOW (a strike for the student). */
    Appointment recordOutcome(SignedInUser actor, UUID id, AppointmentStatus outcome) {
        if (outcome != AppointmentStatus.COMPLETED && outcome != AppointmentStatus.NO_SHOW) {
            throw CounsellingException.invalid("status", "Choose COMPLETED or NO_SHOW.");
        }
        long universityId = actor.universityId();
        return transactions.executeWrite(status -> {
            Appointment appointment = lockVisible(actor, id);
            if (actor.userId() != appointment.counsellorId() && !actor.isStaff()) {
                throw CounsellingException.forbidden("Only the counsellor of this appointment records its outcome.");
            }
            if (appointment.status() != AppointmentStatus.CONFIRMED) {
                throw CounsellingException.conflict(
                        "outcome_recorded", "This appointment is already " + appointment.status() + ".");
            }
            if (clock.now().isBefore(appointment.startsAt())) {
                throw CounsellingException.conflict("not_started", "Record the outcome once the session has started.");
            }
            store.setOutcome(universityId, id, outcome);
            if (outcome == AppointmentStatus.NO_SHOW) {
                standing.addStrike(universityId, id, appointment.studentId());
            }
            store.record(universityId, id, outcome.name(), actor.userId(), "{}");
            return store.find(universityId, id).orElseThrow();
        });
    }

    /** Staff move an appointment to another approved counsellor (same time); both sides are emailed. */
    Appointment reassign(SignedInUser staff, UUID id, long counsellorId) {
        long universityId = staff.universityId();
        long[] previous = new long[1];
        Appointment reassigned = transactions.executeWrite(status -> {
            Appointment appointment =
                    store.lock(universityId, id).orElseThrow(CounsellingException::appointmentNotFound);
            previous[0] = appointment.counsellorId();
            if (!appointment.isActive()) {
                throw CounsellingException.conflict("not_movable", "Only an upcoming appointment can be reassigned.");
            }
            Counsellor counsellor = counsellors
                    .find(universityId, counsellorId)
                    .filter(Counsellor::bookable)
                    .orElseThrow(() -> CounsellingException.invalid("counsellorId", "Choose an approved counsellor."));
            store.reassign(universityId, id, counsellor.userId(), rooms.roomFor(counsellor));
            store.record(
                    universityId,
                    id,
                    "REASSIGNED",
                    staff.userId(),
                    "{\"from\":" + appointment.counsellorId() + ",\"to\":" + counsellorId + "}");
            auditLog.record(
                    universityId,
                    "user:" + staff.userId(),
                    "counselling.appointment.reassigned",
                    Map.of(
                            "appointment", id.toString(),
                            "before", appointment.counsellorId(),
                            "after", counsellor.userId()));
            return store.find(universityId, id).orElseThrow();
        });
        mails.reassigned(reassigned);
        if (previous[0] != reassigned.counsellorId()) {
            // the counsellor who gave the session up hears of it too
            mails.notify(
                    universityId,
                    previous[0],
                    "Reassigned: " + reassigned.sessionName(),
                    "An appointment of yours was given to another counsellor.",
                    "The careers team moved it; you no longer need to attend. Please remove it from your calendar.",
                    "/counsellor",
                    "Open your panel");
        }
        return reassigned;
    }

    /** The appointment if the caller is one of its participants or staff of its university; else empty. */
    Optional<Appointment> findVisible(SignedInUser user, UUID id) {
        return reads.read(AppointmentStore.findRead(user.universityId(), id))
                .filter(a -> a.isParticipant(user.userId()) || user.isStaff());
    }

    /** What {@link #findVisible} reads, for a page to send with the header's reads (ADR 0076). */
    PageRead<?> findRead(long universityId, UUID id) {
        return AppointmentStore.findRead(universityId, id);
    }

    List<Appointment> ofStudent(SignedInUser student) {
        return reads.read(ofStudentRead(student));
    }

    /** What {@link #ofStudent} reads, for a page to read ahead with others (ADR 0076). */
    PageRead<List<Appointment>> ofStudentRead(SignedInUser student) {
        return AppointmentStore.ofStudentRead(student.universityId(), student.userId());
    }

    /** A student's appointments, newest first, for staff looking at that student. */
    public List<StudentAppointment> ofStudentForStaff(long universityId, long studentId, int limit) {
        return reads.read(ofStudentForStaffRead(universityId, studentId, limit));
    }

    /** What {@link #ofStudentForStaff} reads, for a page to read ahead with others (ADR 0076). */
    public PageRead<List<StudentAppointment>> ofStudentForStaffRead(long universityId, long studentId, int limit) {
        return AppointmentStore.summariesOfStudent(universityId, studentId, limit);
    }

    /**
     * The student's pending and confirmed appointments that have not ended, soonest first. One read on
     * the caller's connection (the student home's, ADR 0055), or a connection of its own: no transaction.
     */
    public List<StudentAppointment> upcomingOfStudent(long universityId, long studentId, int limit) {
        return reads.read(upcomingOfStudentRead(universityId, studentId, limit));
    }

    /** What {@link #upcomingOfStudent} reads, for a page to read ahead with others (ADR 0076). */
    public PageRead<List<StudentAppointment>> upcomingOfStudentRead(long universityId, long studentId, int limit) {
        return store.upcomingOfStudent(universityId, studentId, java.time.Instant.now(), limit);
    }

    /**
     * A counsellor's appointments to come or under way, those that ended and wait to be closed, and the
     * newest 200 of the rest, by start: three statements in one round trip (none when a page sent them).
     */
    List<Appointment> ofCounsellor(SignedInUser counsellor) {
        return byStart(ofCounsellorReads(counsellor));
    }

    /** What {@link #ofCounsellor} reads, for a page to read ahead with others (ADR 0076). */
    List<PageRead<List<Appointment>>> ofCounsellorReads(SignedInUser counsellor) {
        Instant now = clock.now();
        List<PageRead<List<Appointment>>> all = new ArrayList<>(openOfCounsellorReads(counsellor, now));
        all.add(AppointmentStore.historyRead(counsellor.universityId(), counsellor.userId(), now));
        return all;
    }

    /** A counsellor's appointments to come or under way and those that wait to be closed, by start. */
    List<Appointment> openOfCounsellor(SignedInUser counsellor) {
        return byStart(openOfCounsellorReads(counsellor));
    }

    /** What {@link #openOfCounsellor} reads, for a page to read ahead with others (ADR 0076). */
    List<PageRead<List<Appointment>>> openOfCounsellorReads(SignedInUser counsellor) {
        return openOfCounsellorReads(counsellor, clock.now());
    }

    private static List<PageRead<List<Appointment>>> openOfCounsellorReads(SignedInUser counsellor, Instant now) {
        return List.of(
                AppointmentStore.toComeRead(counsellor.universityId(), counsellor.userId(), now),
                AppointmentStore.toCloseRead(counsellor.universityId(), counsellor.userId(), now));
    }

    /** The reads' appointments together, by start (sent in one round trip unless a page sent them ahead). */
    private List<Appointment> byStart(List<PageRead<List<Appointment>>> parts) {
        reads.prefetch(parts);
        return parts.stream()
                .flatMap(part -> reads.read(part).stream())
                .sorted(java.util.Comparator.comparing(Appointment::startsAt))
                .toList();
    }

    /** The newest 200 of the counsellor's appointments with one student, by start. */
    List<Appointment> ofCounsellorWith(SignedInUser counsellor, long studentId) {
        return reads.read(ofCounsellorWithRead(counsellor, studentId));
    }

    /** What {@link #ofCounsellorWith} reads, for a page to send with its other reads (ADR 0076). */
    PageRead<List<Appointment>> ofCounsellorWithRead(SignedInUser counsellor, long studentId) {
        return AppointmentStore.ofCounsellorWithRead(counsellor.universityId(), counsellor.userId(), studentId);
    }

    /** Every appointment of the staff member's university matching the filter, newest first (at most {@value #STAFF_LIST}). */
    List<Appointment> forStaff(SignedInUser staff, AppointmentStore.Filter filter) {
        if (!staff.isStaff()) {
            throw CounsellingException.forbidden("Only staff see every appointment.");
        }
        return reads.read(forStaffRead(staff.universityId(), filter));
    }

    /** What {@link #forStaff} reads, for a page to read ahead with others (ADR 0076). */
    PageRead<List<Appointment>> forStaffRead(long universityId, AppointmentStore.Filter filter) {
        return AppointmentStore.allRead(universityId, filter, STAFF_LIST);
    }

    /** The iCalendar of an appointment the caller may see. */
    String ics(SignedInUser user, UUID id) {
        Appointment appointment = findVisible(user, id).orElseThrow(CounsellingException::appointmentNotFound);
        Counsellor counsellor = transactions
                .executeRead(status -> counsellors.find(user.universityId(), appointment.counsellorId()))
                .orElseThrow();
        User student = users.find(user.universityId(), appointment.studentId()).orElseThrow();
        return AppointmentCalendar.ics(
                appointment,
                new AppointmentCalendar.People(
                        counsellor.name(), counsellor.email(), student.displayName(), student.email()),
                AppointmentMails.UID_DOMAIN);
    }

    private Appointment lockVisible(SignedInUser actor, UUID id) {
        return store.lock(actor.universityId(), id)
                .filter(a -> a.isParticipant(actor.userId()) || actor.isStaff())
                .orElseThrow(CounsellingException::appointmentNotFound);
    }
}
