package com.careerai.counselling;

import com.careerai.auth.SignedInUser;
import com.careerai.credits.Wallets;
import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Feedback, counsellors' private notes, no-show strikes, blocks and disputes. */
@Singleton
class AfterSession {
    private final AppointmentStore appointments;
    private final FeedbackStore feedback;
    private final StandingStore standing;
    private final CounsellorStore counsellors;
    private final Wallets wallets;
    private final AuditLog auditLog;
    private final CounsellingClock clock;
    private final TransactionOperations<Connection> transactions;
    private final PaidSessions paidSessions;
    private final PageReads reads;

    AfterSession(
            AppointmentStore appointments,
            FeedbackStore feedback,
            StandingStore standing,
            CounsellorStore counsellors,
            Wallets wallets,
            AuditLog auditLog,
            CounsellingClock clock,
            TransactionOperations<Connection> transactions,
            PaidSessions paidSessions,
            PageReads reads) {
        this.reads = reads;
        this.paidSessions = paidSessions;
        this.appointments = appointments;
        this.feedback = feedback;
        this.standing = standing;
        this.counsellors = counsellors;
        this.wallets = wallets;
        this.auditLog = auditLog;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** The student rates a completed appointment, once. */
    void giveFeedback(SignedInUser student, UUID appointmentId, @Nullable Integer rating, @Nullable String comment) {
        if (rating == null || rating < 1 || rating > 5) {
            throw CounsellingException.invalid("rating", "Choose from 1 to 5 stars.");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > 2000) {
            throw CounsellingException.invalid("comment", "Keep the comment under 2000 characters.");
        }
        long universityId = student.universityId();
        transactions.executeWrite(status -> {
            Appointment appointment = appointments
                    .find(universityId, appointmentId)
                    .filter(a -> a.isParticipant(student.userId()))
                    .orElseThrow(CounsellingException::appointmentNotFound);
            if (appointment.studentId() != student.userId()) {
                throw CounsellingException.forbidden("Only the student of this appointment rates it.");
            }
            if (appointment.status() != AppointmentStatus.COMPLETED) {
                throw CounsellingException.conflict(
                        "not_completed", "You can rate an appointment once it is completed.");
            }
            if (!feedback.give(
                    universityId, appointmentId, appointment.counsellorId(), student.userId(), rating, text, null)) {
                throw CounsellingException.conflict("feedback_given", "You have already rated this appointment.");
            }
            return null;
        });
    }

    /** Every counsellor's ratings' sum and count (one SQL aggregate over every rating), by counsellor. */
    Map<Long, FeedbackStore.Tally> ratingsOfUniversity(long universityId) {
        return reads.read(FeedbackStore.tallies(universityId));
    }

    /** A counsellor's ratings: average, count, stars and monthly trend (one aggregate). */
    RatingSummary ratingsOf(long universityId, long counsellorId) {
        return reads.read(ratingsOfRead(universityId, counsellorId));
    }

    /** What {@link #ratingsOf} reads, for a page to read ahead with others (ADR 0076). */
    PageRead<RatingSummary> ratingsOfRead(long universityId, long counsellorId) {
        return FeedbackStore.summary(universityId, counsellorId);
    }

    /** A counsellor's newest {@code limit} feedback. */
    List<FeedbackStore.Given> feedbackOf(long universityId, long counsellorId, int limit) {
        return reads.read(feedbackOfRead(universityId, counsellorId, limit));
    }

    /** What {@link #feedbackOf} reads, for a page to read ahead with others (ADR 0076). */
    PageRead<List<FeedbackStore.Given>> feedbackOfRead(long universityId, long counsellorId, int limit) {
        return FeedbackStore.newest(universityId, counsellorId, limit);
    }

    List<FeedbackStore.Given> allFeedback(long universityId) {
        return transactions.executeRead(status -> feedback.ofUniversity(universityId));
    }

    /** Staff hide an abusive comment (the rating still counts); audited. */
    void hideComment(SignedInUser staff, UUID appointmentId, @Nullable String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw CounsellingException.invalid("reason", "Give a reason for hiding this comment.");
        }
        transactions.executeWrite(status -> {
            if (!feedback.hide(staff.universityId(), appointmentId, why, staff.userId())) {
                throw CounsellingException.appointmentNotFound();
            }
            auditLog.record(
                    staff.universityId(),
                    "user:" + staff.userId(),
                    "counselling.feedback.hidden",
                    Map.of("appointment", appointmentId.toString(), "reason", why));
            return null;
        });
    }

    /** A counsellor's private note about a student who booked them; never shown to the student. */
    void addNote(SignedInUser counsellor, long studentId, @Nullable String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > 4000) {
            throw CounsellingException.invalid("body", "Write a note of up to 4000 characters.");
        }
        transactions.executeWrite(status -> {
            requireMet(counsellor, studentId);
            feedback.addNote(counsellor.universityId(), counsellor.userId(), studentId, text);
            return null;
        });
    }

    /** The counsellor's notes about a student of theirs, newest first; 404 for anyone else's student. */
    List<FeedbackStore.Note> notes(SignedInUser counsellor, long studentId) {
        reads.prefetch(notesReads(counsellor, studentId));
        requireMet(counsellor, studentId);
        return reads.read(FeedbackStore.notesRead(counsellor.universityId(), counsellor.userId(), studentId));
    }

    /**
     * What {@link #notes} reads — whether they met, the notes — for a page to send in one round trip (ADR
     * 0076); the notes of someone not met are read too, and dropped.
     */
    List<PageRead<?>> notesReads(SignedInUser counsellor, long studentId) {
        return List.of(
                AppointmentStore.haveMetRead(counsellor.universityId(), counsellor.userId(), studentId),
                FeedbackStore.notesRead(counsellor.universityId(), counsellor.userId(), studentId));
    }

    /** 404 unless the student booked this counsellor: a counsellor sees only their own students. */
    void requireMet(SignedInUser counsellor, long studentId) {
        boolean met =
                reads.read(AppointmentStore.haveMetRead(counsellor.universityId(), counsellor.userId(), studentId));
        if (!met) {
            throw new CounsellingException(
                    io.micronaut.http.HttpStatus.NOT_FOUND, "not_found", "There is no such student among yours.");
        }
    }

    /** Counting strikes and whether they block booking. */
    record Standing(long strikes, int limit, boolean blocked) {}

    Standing standingOf(long universityId, long studentId) {
        return transactions.executeRead(status -> {
            int limit = counsellors.rules(universityId).noShowStrikeLimit();
            long strikes = standing.countingStrikes(universityId, studentId, clock.now());
            return new Standing(strikes, limit, strikes >= limit);
        });
    }

    List<Long> blockedStudents(long universityId) {
        return transactions.executeRead(status -> standing.blockedStudents(
                universityId, counsellors.rules(universityId).noShowStrikeLimit(), clock.now()));
    }

    /** Staff lift a block: strikes so far stop counting. */
    void lift(SignedInUser staff, long studentId) {
        transactions.executeWrite(status -> {
            // an id of another university's student (or of no one) names nothing here: 404, not a 500
            if (!standing.lift(staff.universityId(), studentId, staff.userId())) {
                throw CounsellingException.studentNotFound();
            }
            auditLog.record(
                    staff.universityId(),
                    "user:" + staff.userId(),
                    "counselling.block.lifted",
                    Map.of("student", studentId));
            return null;
        });
    }

    /** The student disputes a no-show of theirs, once, with a reason. */
    void dispute(SignedInUser student, UUID appointmentId, @Nullable String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 2000) {
            throw CounsellingException.invalid("reason", "Say what happened (up to 2000 characters).");
        }
        transactions.executeWrite(status -> {
            Appointment appointment = appointments
                    .find(student.universityId(), appointmentId)
                    .filter(a -> a.studentId() == student.userId())
                    .orElseThrow(CounsellingException::appointmentNotFound);
            if (appointment.status() != AppointmentStatus.NO_SHOW) {
                throw CounsellingException.conflict("not_a_no_show", "Only a missed appointment can be disputed.");
            }
            if (!standing.openDispute(student.universityId(), appointmentId, student.userId(), why)) {
                throw CounsellingException.conflict("already_disputed", "You have already disputed this appointment.");
            }
            return null;
        });
    }

    List<StandingStore.Dispute> openDisputes(long universityId) {
        return transactions.executeRead(status -> standing.openDisputes(universityId));
    }

    /** Staff resolve a dispute: upheld removes the strike and may refund; rejected keeps it. */
    void resolve(SignedInUser staff, UUID appointmentId, boolean upheld, boolean refund, @Nullable String resolution) {
        long universityId = staff.universityId();
        String text = resolution == null ? "" : resolution.strip();
        transactions.executeWrite(status -> {
            Appointment appointment = appointments
                    .lock(universityId, appointmentId)
                    .orElseThrow(CounsellingException::appointmentNotFound);
            boolean refunded = upheld && refund && appointment.payment() != Payment.FREE && !appointment.refunded();
            if (!standing.resolve(universityId, appointmentId, upheld, text, refunded, staff.userId())) {
                throw CounsellingException.conflict("not_open", "This dispute is not open.");
            }
            if (upheld) {
                standing.removeStrike(universityId, appointmentId, staff.userId());
            }
            if (refunded) {
                if (appointment.payment() == Payment.GOLD) {
                    wallets.refundDebit(universityId, appointment.debitKey(), appointment.refundKey());
                }
                paidSessions.refundLater(appointment, "dispute"); // a card payment: through Stripe
                appointments.markRefunded(universityId, appointmentId);
            }
            auditLog.record(
                    universityId,
                    "user:" + staff.userId(),
                    "counselling.dispute." + (upheld ? "upheld" : "rejected"),
                    Map.of("appointment", appointmentId.toString(), "refunded", refunded));
            return null;
        });
    }

    Instant now() {
        return clock.now();
    }
}
