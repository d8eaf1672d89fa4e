package com.careerai.counselling;

import com.careerai.auth.SignedInUser;
import com.careerai.counselling.WaitlistStore.Entry;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jobrunr.scheduling.JobRequestScheduler;

/**
 * Counsellors' waitlists. A student may join when the counsellor has no open slot in the booking
 * window. When a slot frees, the first in line is emailed an offer that holds that start for them
 * ({@code careerai.counselling.waitlist-offer-hold}, 2 h); when it lapses, the next is offered it.
 */
@Singleton
class Waitlist {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final WaitlistStore store;
    private final CounsellorStore counsellors;
    private final AppointmentStore appointments;
    private final Availability availability;
    private final AppointmentMails mails;
    private final CounsellingConfiguration configuration;
    private final CounsellingClock clock;
    private final JobRequestScheduler scheduler;
    private final TransactionOperations<Connection> transactions;

    Waitlist(
            WaitlistStore store,
            CounsellorStore counsellors,
            AppointmentStore appointments,
            Availability availability,
            AppointmentMails mails,
            CounsellingConfiguration configuration,
            CounsellingClock clock,
            JobRequestScheduler scheduler,
            TransactionOperations<Connection> transactions) {
        this.store = store;
        this.counsellors = counsellors;
        this.appointments = appointments;
        this.availability = availability;
        this.mails = mails;
        this.configuration = configuration;
        this.clock = clock;
        this.scheduler = scheduler;
        this.transactions = transactions;
    }

    /** Joins the counsellor's waitlist; 409 {@code slots_available} when there is an open slot to book instead. */
    void join(SignedInUser student, long counsellorId, String sessionType) {
        long universityId = student.universityId();
        transactions.executeWrite(status -> {
            Counsellor counsellor = counsellors
                    .find(universityId, counsellorId)
                    .filter(Counsellor::bookable)
                    .orElseThrow(CounsellingException::counsellorNotFound);
            SessionType type = counsellors
                    .sessionType(universityId, counsellorId, sessionType)
                    .orElseThrow(() -> CounsellingException.invalid(
                            "sessionType", "This counsellor does not offer that session."));
            Instant now = clock.now();
            if (!availability
                    .freeSlots(counsellor, type, now, now.plus(Duration.ofDays(counsellor.bookingWindowDays())), null)
                    .isEmpty()) {
                throw CounsellingException.conflict(
                        "slots_available", "This counsellor has open slots: book one of them.");
            }
            store.join(universityId, counsellorId, student.userId(), type.id());
            return null;
        });
    }

    List<Entry> ofStudent(SignedInUser student) {
        return transactions.executeRead(status -> store.ofStudent(student.universityId(), student.userId()));
    }

    /** Called inside a booking's transaction: the student's live entry for the counsellor is done. */
    void markBooked(long universityId, long counsellorId, long studentId) {
        store.markBooked(universityId, counsellorId, studentId);
    }

    /** Called inside a booking's transaction: 409 when {@code start} is held for another student by a live offer. */
    void checkNotHeld(long universityId, long counsellorId, long studentId, Instant start) {
        store.liveOfferOf(universityId, counsellorId, start, clock.now())
                .filter(offer -> offer.studentId() != studentId)
                .ifPresent(offer -> {
                    throw new SlotTakenException();
                });
    }

    /** A slot of the counsellor starting at {@code freedStart} has freed: offer it to the first in line. */
    void offerFreedSlot(long universityId, long counsellorId, Instant freedStart) {
        if (!freedStart.isAfter(clock.now())) {
            return;
        }
        Optional<Entry> offered =
                transactions.executeWrite(status -> offerNext(universityId, counsellorId, freedStart));
        offered.ifPresent(this::tell);
    }

    /** The offer lapsed unless its student booked: it expires, and the next in line is offered the same start. */
    void expire(long universityId, long entryId) {
        Optional<Entry> next = transactions.executeWrite(status -> {
            Optional<Entry> entry = store.find(universityId, entryId).filter(e -> "OFFERED".equals(e.status()));
            if (entry.isEmpty()) {
                return Optional.<Entry>empty();
            }
            store.setStatus(universityId, entryId, "EXPIRED");
            Instant start = entry.get().offeredStart();
            return start != null && start.isAfter(clock.now())
                    ? offerNext(universityId, entry.get().counsellorId(), start)
                    : Optional.<Entry>empty();
        });
        next.ifPresent(this::tell);
    }

    private Optional<Entry> offerNext(long universityId, long counsellorId, Instant start) {
        Instant now = clock.now();
        List<Entry> live = store.live(universityId, counsellorId);
        if (live.stream()
                .anyMatch(
                        e -> "OFFERED".equals(e.status()) && e.offerExpiresAt().isAfter(now))) {
            return Optional.empty(); // one offer at a time
        }
        boolean stillFree = appointments
                .busy(universityId, counsellorId, start.minusSeconds(1), start.plusSeconds(1), null)
                .isEmpty();
        if (!stillFree) {
            return Optional.empty();
        }
        Optional<Entry> first =
                live.stream().filter(e -> "WAITING".equals(e.status())).findFirst();
        first.ifPresent(entry -> {
            Instant expiresAt = now.plus(configuration.getWaitlistOfferHold());
            store.offer(universityId, entry.id(), start, expiresAt);
            scheduler.schedule(
                    WaitlistOfferExpiryJobRequest.jobId(universityId, entry.id()),
                    expiresAt,
                    new WaitlistOfferExpiryJobRequest(universityId, entry.id()));
        });
        return first.map(entry -> store.find(universityId, entry.id()).orElseThrow());
    }

    private void tell(Entry entry) {
        Counsellor counsellor = transactions
                .executeRead(status -> counsellors.find(entry.universityId(), entry.counsellorId()))
                .orElseThrow();
        mails.notify(
                entry.universityId(),
                entry.studentId(),
                "A slot with " + counsellor.name() + " is free",
                "A slot you were waiting for is free, and it is held for you until "
                        + WHEN.format(entry.offerExpiresAt().atZone(counsellor.timeZone())) + " ("
                        + counsellor.timeZone().getId() + ").",
                "Starts " + WHEN.format(entry.offeredStart().atZone(counsellor.timeZone())) + " ("
                        + counsellor.timeZone().getId()
                        + "). Book it before the hold ends; after that it is offered to the next person waiting.",
                "/counselling/book/" + entry.counsellorId(),
                "Book this slot");
    }
}
