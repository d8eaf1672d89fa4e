package com.careerai.counselling;

import com.careerai.auth.SignedInUser;
import com.careerai.billing.ExpertPayouts;
import com.careerai.platform.outbox.Outbox;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jobrunr.scheduling.JobRequestScheduler;

/**
 * Sessions paid by card to a paid expert (ADR 0034). Booking writes the appointment PENDING with a
 * hold of {@link #HOLD} on its slot ({@code appointment_card_holds}); the student pays on Stripe's
 * page (a destination charge, {@link ExpertPayouts#checkout}); billing's signed webhook confirms
 * the payment and the appointment becomes CONFIRMED (then the emails and reminders go). The slot
 * is released when the checkout expires, the payment page could not be opened, or the hold runs
 * out: {@link ReleaseCardHoldJobRequest} first closes the Stripe checkout so it can no longer be
 * paid, and leaves the booking alone if the student paid first.
 */
@Singleton
class PaidSessions {
    /** How long a slot waits for its card payment. */
    static final Duration HOLD = Duration.ofMinutes(15);

    /** How long Stripe keeps the checkout open: its minimum; the hold's job closes it sooner. */
    static final Duration CHECKOUT_OPEN = Duration.ofMinutes(30);

    private final ExpertPayouts payouts;
    private final CardHoldStore holds;
    private final AppointmentStore appointments;
    private final AppointmentNotices notices;
    private final AppointmentMails mails;
    private final Reminders reminders;
    private final JobRequestScheduler scheduler;
    private final CounsellingClock clock;
    private final TransactionOperations<Connection> transactions;
    private final Outbox outbox;
    private final Waitlist waitlist;

    PaidSessions(
            ExpertPayouts payouts,
            CardHoldStore holds,
            AppointmentStore appointments,
            AppointmentNotices notices,
            AppointmentMails mails,
            Reminders reminders,
            JobRequestScheduler scheduler,
            CounsellingClock clock,
            TransactionOperations<Connection> transactions,
            Outbox outbox,
            Waitlist waitlist) {
        this.outbox = outbox;
        this.waitlist = waitlist;
        this.payouts = payouts;
        this.holds = holds;
        this.appointments = appointments;
        this.notices = notices;
        this.mails = mails;
        this.reminders = reminders;
        this.scheduler = scheduler;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** Whether the counsellor can be paid by card now (a paid expert whose Stripe account takes charges). */
    boolean canCharge(long universityId, long counsellorId) {
        return payouts.status(universityId, counsellorId).canCharge();
    }

    /** Whether the university's payment provider can pay experts at all (Stripe; not Razorpay). */
    boolean possible(long universityId) {
        return payouts.paidSessionsPossible(universityId);
    }

    /** Inside the booking's transaction: holds the slot for the payment and schedules the hold's end. */
    UUID hold(Appointment appointment, SessionType type) {
        UUID paymentId = UUID.randomUUID();
        Instant until = clock.now().plus(HOLD);
        holds.insert(
                appointment.universityId(),
                appointment.id(),
                paymentId,
                type.priceCents(),
                type.priceCurrency(),
                until);
        scheduler.schedule(
                ReleaseCardHoldJobRequest.jobId(appointment.universityId(), appointment.id()),
                until,
                new ReleaseCardHoldJobRequest(appointment.universityId(), appointment.id()));
        return paymentId;
    }

    /**
     * After the booking committed: opens the Stripe checkout and returns its URL. When it cannot be
     * opened the slot is released at once and the error is rethrown.
     */
    String openCheckout(SignedInUser student, Appointment appointment, String siteUrl) {
        CardHoldStore.Hold hold = transactions
                .executeRead(tx -> holds.find(appointment.universityId(), appointment.id()))
                .orElseThrow();
        try {
            return payouts.checkout(
                            student,
                            new ExpertPayouts.SessionSale(
                                    hold.paymentId(),
                                    appointment.counsellorId(),
                                    appointment.sessionName(),
                                    hold.amountCents(),
                                    hold.currency(),
                                    appointment.startsAt(),
                                    clock.now().plus(CHECKOUT_OPEN)),
                            siteUrl,
                            "/appointments/" + appointment.id())
                    .url();
        } catch (RuntimeException e) {
            release(appointment.universityId(), appointment.id(), "The payment page could not be opened.");
            throw e;
        }
    }

    /** Billing confirmed the payment: the held appointment is CONFIRMED (once). */
    void paid(long universityId, UUID paymentId) {
        Optional<Appointment> confirmed = transactions.executeWrite(tx -> {
            Optional<CardHoldStore.Hold> hold = holds.lockByPayment(universityId, paymentId);
            if (hold.isEmpty() || !"HELD".equals(hold.get().status())) {
                return Optional.<Appointment>empty();
            }
            holds.setStatus(universityId, hold.get().appointmentId(), "PAID");
            if (!appointments.confirmHeld(universityId, hold.get().appointmentId())) {
                // paid for a booking cancelled meanwhile: the money goes back
                outbox.record(
                        universityId,
                        new CardSessionRefundDue(
                                universityId,
                                hold.get().appointmentId(),
                                "late:" + hold.get().appointmentId()));
                return Optional.<Appointment>empty();
            }
            appointments.record(universityId, hold.get().appointmentId(), "PAID", null, "{\"payment\":\"card\"}");
            Appointment appointment =
                    appointments.find(universityId, hold.get().appointmentId()).orElseThrow();
            notices.booked(appointment);
            return Optional.of(appointment);
        });
        confirmed.ifPresent(appointment -> {
            reminders.schedule(appointment);
            mails.booked(appointment);
        });
    }

    /** The checkout expired unpaid: the slot is released (once). */
    void checkoutExpired(long universityId, UUID paymentId) {
        Optional<UUID> appointment = transactions.executeWrite(
                tx -> holds.lockByPayment(universityId, paymentId).map(CardHoldStore.Hold::appointmentId));
        appointment.ifPresent(id -> release(universityId, id, "The payment was not completed in time."));
    }

    /** The hold ran out: closes the checkout first; releases the slot unless the student paid. */
    void holdEnded(long universityId, UUID appointmentId) {
        Optional<CardHoldStore.Hold> hold = transactions.executeRead(tx -> holds.find(universityId, appointmentId));
        if (hold.isEmpty() || !"HELD".equals(hold.get().status())) {
            return;
        }
        if (payouts.closeCheckout(universityId, hold.get().paymentId())) {
            release(
                    universityId,
                    appointmentId,
                    "The payment was not completed within " + HOLD.toMinutes() + " minutes.");
        }
    }

    /** Releases a held slot: the appointment is CANCELLED (nothing was charged); false when not held. */
    boolean release(long universityId, UUID appointmentId, String reason) {
        return transactions.executeWrite(tx -> {
            Optional<CardHoldStore.Hold> hold = holds.lock(universityId, appointmentId);
            if (hold.isEmpty() || !"HELD".equals(hold.get().status())) {
                return false;
            }
            Appointment appointment =
                    appointments.lock(universityId, appointmentId).orElseThrow();
            holds.setStatus(universityId, appointmentId, "RELEASED");
            if (appointment.status() == AppointmentStatus.PENDING) {
                appointments.cancel(universityId, appointmentId, appointment.studentId(), reason, false);
                appointments.record(universityId, appointmentId, "RELEASED", null, "{\"reason\":\"unpaid\"}");
            }
            return true;
        });
    }

    /**
     * Inside the deciding transaction: the card payment of this appointment is to be given back
     * (cancellation within the policy, an upheld dispute). Returns whether a card payment is given
     * back; a booking still waiting for its payment has its checkout closed instead (false).
     */
    boolean refundLater(Appointment appointment, String decision) {
        if (appointment.payment() != Payment.CARD) {
            return false;
        }
        outbox.record(
                appointment.universityId(),
                new CardSessionRefundDue(
                        appointment.universityId(), appointment.id(), decision + ":" + appointment.id()));
        return appointment.status() != AppointmentStatus.PENDING;
    }

    /**
     * Gives a card-paid session's money back: a still-open checkout is closed (nothing was paid);
     * a paid one is refunded with the transfer reversed and the fee refunded in proportion.
     */
    void refundDue(long universityId, UUID appointmentId, String decision) {
        Optional<CardHoldStore.Hold> hold = transactions.executeWrite(tx -> holds.lock(universityId, appointmentId));
        if (hold.isEmpty()) {
            return;
        }
        if ("HELD".equals(hold.get().status())) {
            if (payouts.closeCheckout(universityId, hold.get().paymentId())) {
                transactions.executeWrite(tx -> {
                    holds.setStatus(universityId, appointmentId, "RELEASED");
                    return null;
                });
            }
            return; // paid meanwhile: its confirmation finds the booking cancelled and refunds it
        }
        if ("PAID".equals(hold.get().status())
                && payouts.refundSession(universityId, hold.get().paymentId(), decision)) {
            transactions.executeWrite(tx -> {
                holds.setStatus(universityId, appointmentId, "REFUNDED");
                return null;
            });
        }
    }

    /**
     * Billing says the session's payment is refunded in full (staff refunded it from the payment's
     * page, or it was refunded at Stripe): the hold is REFUNDED and a booking still to come is
     * cancelled, freeing its slot (student and counsellor are told; the refund notice is billing's).
     * A session that took place, or one already cancelled, keeps its record. Once per payment.
     */
    void paymentRefunded(long universityId, UUID paymentId) {
        Optional<Appointment[]> cancelled = transactions.executeWrite(tx -> {
            Optional<CardHoldStore.Hold> hold = holds.lockByPayment(universityId, paymentId);
            if (hold.isEmpty()
                    || !("PAID".equals(hold.get().status())
                            || "HELD".equals(hold.get().status()))) {
                return Optional.<Appointment[]>empty();
            }
            UUID appointmentId = hold.get().appointmentId();
            holds.setStatus(universityId, appointmentId, "REFUNDED");
            Appointment appointment =
                    appointments.lock(universityId, appointmentId).orElseThrow();
            boolean upcoming = appointment.isActive() && appointment.startsAt().isAfter(clock.now());
            if (!upcoming) {
                return Optional.<Appointment[]>empty();
            }
            appointments.cancelRefunded(
                    universityId, appointmentId, "The payment for this session was refunded in full.");
            appointments.record(
                    universityId,
                    appointmentId,
                    "CANCELLED",
                    null,
                    "{\"refunded\":true,\"reason\":\"payment_refunded\"}");
            Appointment now = appointments.find(universityId, appointmentId).orElseThrow();
            notices.cancelled(now);
            return Optional.of(new Appointment[] {appointment, now});
        });
        cancelled.ifPresent(both -> {
            reminders.remove(both[0], both[0].sequence());
            mails.cancelled(both[1], true);
            waitlist.offerFreedSlot(universityId, both[1].counsellorId(), both[1].startsAt());
        });
    }

    /** A held appointment's payment, for its page ("Pay now" while held). */
    Optional<CardHoldStore.Hold> holdOf(long universityId, UUID appointmentId) {
        return transactions.executeRead(tx -> holds.find(universityId, appointmentId));
    }
}
