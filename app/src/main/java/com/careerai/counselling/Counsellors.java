package com.careerai.counselling;

import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.counselling.SlotGenerator.DateOverride;
import com.careerai.counselling.SlotGenerator.Slot;
import com.careerai.counselling.SlotGenerator.WeeklyHours;
import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Counsellor profiles, approval, availability and the university's booking rules. */
@Singleton
public class Counsellors {
    private final CounsellorStore store;
    private final Availability availability;
    private final UserAccounts users;
    private final AppointmentMails mails;
    private final AuditLog auditLog;
    private final CounsellingClock clock;
    private final TransactionOperations<Connection> transactions;
    private final PageReads reads;
    private final ConnectionOperations<Connection> connections;

    Counsellors(
            CounsellorStore store,
            Availability availability,
            UserAccounts users,
            AppointmentMails mails,
            AuditLog auditLog,
            CounsellingClock clock,
            TransactionOperations<Connection> transactions,
            PageReads reads,
            ConnectionOperations<Connection> connections) {
        this.reads = reads;
        this.connections = connections;
        this.store = store;
        this.availability = availability;
        this.users = users;
        this.mails = mails;
        this.auditLog = auditLog;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** An approved counsellor as students see them. */
    record Listed(Counsellor counsellor, List<SessionType> sessionTypes, FeedbackStore.Tally rating) {}

    /**
     * {@link #approved(long)}'s reads, for a page to send ahead with the layout's in one round trip (ADR
     * 0076): the approved counsellors, their active session types and their ratings' tallies.
     */
    List<PageRead<?>> approvedReads(long universityId) {
        return List.of(
                CounsellorStore.listByStatusRead(universityId, CounsellorStatus.APPROVED),
                CounsellorStore.approvedSessionTypesRead(universityId),
                FeedbackStore.tallies(universityId));
    }

    /**
     * The approved counsellors by name with their session types and ratings: three statements in one
     * round trip without a transaction, none when a page sent them ahead ({@link #approvedReads}); at READ
     * COMMITTED a transaction gave the three no common snapshot either.
     */
    List<Listed> approved(long universityId) {
        reads.prefetch(approvedReads(universityId));
        Map<Long, List<SessionType>> types = reads.read(CounsellorStore.approvedSessionTypesRead(universityId));
        Map<Long, FeedbackStore.Tally> tallies = reads.read(FeedbackStore.tallies(universityId));
        return reads.read(CounsellorStore.listByStatusRead(universityId, CounsellorStatus.APPROVED)).stream()
                .map(c -> new Listed(
                        c,
                        types.getOrDefault(c.userId(), List.of()),
                        tallies.getOrDefault(c.userId(), FeedbackStore.Tally.NONE)))
                .toList();
    }

    /**
     * Approved counsellors with an expertise tag equal, ignoring case, to one of {@code names}
     * (such as a student's interests), those matching most first, then by name; at most
     * {@code limit}. One statement on the caller's connection (the student home's, ADR 0055).
     */
    public List<CounsellorCard> withExpertiseIn(long universityId, java.util.Collection<String> names, int limit) {
        return withExpertiseInRead(universityId, names, limit).map(reads::read).orElse(List.of());
    }

    /**
     * What {@link #withExpertiseIn} reads, for a page to read ahead with others (ADR 0076); empty when it
     * reads nothing (no name, no room).
     */
    public java.util.Optional<PageRead<List<CounsellorCard>>> withExpertiseInRead(
            long universityId, java.util.Collection<String> names, int limit) {
        java.util.Set<String> wanted = names.stream()
                .map(name -> name.strip().toLowerCase(java.util.Locale.ROOT))
                .filter(name -> !name.isEmpty())
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        if (wanted.isEmpty() || limit <= 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(store.withExpertise(universityId, wanted, limit));
    }

    /**
     * An approved counsellor with their session types and rating, empty for anyone else: three statements
     * in one round trip (the types and the tally of someone not bookable are read and dropped).
     */
    Optional<Listed> approved(long universityId, long counsellorId) {
        reads.prefetch(listedReads(universityId, counsellorId));
        return reads.read(CounsellorStore.findRead(universityId, counsellorId))
                .filter(Counsellor::bookable)
                .map(c -> new Listed(
                        c,
                        reads.read(CounsellorStore.sessionTypesRead(universityId, counsellorId)),
                        reads.read(FeedbackStore.tally(universityId, counsellorId))));
    }

    /** What {@link #approved} reads: the counsellor, their session types and the tally of their ratings. */
    private static List<PageRead<?>> listedReads(long universityId, long counsellorId) {
        return List.of(
                CounsellorStore.findRead(universityId, counsellorId),
                CounsellorStore.sessionTypesRead(universityId, counsellorId),
                FeedbackStore.tally(universityId, counsellorId));
    }

    Optional<Counsellor> find(long universityId, long counsellorId) {
        return reads.read(findRead(universityId, counsellorId));
    }

    /** What {@link #find} reads, for a page to read ahead with others (ADR 0076). */
    PageRead<Optional<Counsellor>> findRead(long universityId, long counsellorId) {
        return CounsellorStore.findRead(universityId, counsellorId);
    }

    /**
     * As {@link #find}, read at most once in a page request: a list of appointments names each one's
     * counsellor, most of them the same few.
     */
    Optional<Counsellor> findOnce(long universityId, long counsellorId) {
        return reads.readOnce(findRead(universityId, counsellorId));
    }

    /** These counsellors' {@link #findOnce} reads, for a page listing their appointments to send together. */
    List<PageRead<?>> findOnceReads(long universityId, java.util.Collection<Long> counsellorIds) {
        return counsellorIds.stream()
                .distinct()
                .<PageRead<?>>map(id -> findRead(universityId, id))
                .toList();
    }

    /** Approved counsellors' public profiles (the university's signed-out counsellors page), by name. */
    public List<PublicCounsellor> publicProfiles(long universityId) {
        return transactions.executeRead(status -> store.listByStatus(universityId, CounsellorStatus.APPROVED)).stream()
                .map(c ->
                        new PublicCounsellor(c.userId(), c.name(), c.bio(), c.expertise(), c.languages(), c.hasPhoto()))
                .sorted(java.util.Comparator.comparing(PublicCounsellor::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** An approved counsellor's photo (JPEG) for the public pages; empty for anyone else. */
    public Optional<byte[]> publicPhoto(long universityId, long counsellorId) {
        return transactions.executeRead(status -> store.find(universityId, counsellorId)
                .filter(Counsellor::bookable)
                .flatMap(c -> store.photo(universityId, counsellorId)));
    }

    /** Counsellor applications waiting for staff approval (the staff home's figure). */
    public long pendingApplications(long universityId) {
        return reads.read(pendingApplicationsRead(universityId));
    }

    /** What {@link #pendingApplications} reads, for a page to read ahead with others (ADR 0076). */
    public PageRead<Long> pendingApplicationsRead(long universityId) {
        return CounsellorStore.countByStatusRead(universityId, CounsellorStatus.PENDING);
    }

    /** The university's counsellors of a status, by name: one read, no transaction. */
    List<Counsellor> withStatus(long universityId, CounsellorStatus status) {
        return reads.read(withStatusRead(universityId, status));
    }

    /** What {@link #withStatus} reads, for a page to read ahead with others (ADR 0076). */
    PageRead<List<Counsellor>> withStatusRead(long universityId, CounsellorStatus status) {
        return CounsellorStore.listByStatusRead(universityId, status);
    }

    /** Open slots of an approved counsellor's session type starting in [from, until). */
    List<Slot> slots(long universityId, long counsellorId, String typeSlug, Instant from, Instant until) {
        return slots(
                        universityId,
                        counsellorId,
                        counsellor -> new SlotRequest(typeSlug, counsellor.timeZone(), from, until))
                .slots();
    }

    /** A slots request as the caller reads it once it knows the counsellor (whose zone may be its default). */
    record SlotRequest(String typeSlug, ZoneId zone, Instant from, Instant until) {}

    /** Open slots starting in [from, until) of the request, and the zone it asked in. */
    record OpenSlots(ZoneId zone, List<Slot> slots) {}

    /**
     * Open slots of an approved counsellor (404 first), with the request read from the counsellor
     * (its refusals come next, then an unknown session type). Two round trips on one connection and no
     * transaction (ADR 0076, issue 19): the counsellor with their weekly hours, then the session type
     * with the overrides and held time of the range the request names; at READ COMMITTED a transaction
     * gave its statements no common snapshot either. In a GET, what a second call reads again (the
     * booking page asks twice) is kept from the first.
     */
    OpenSlots slots(long universityId, long counsellorId, Function<Counsellor, SlotRequest> request) {
        return connections.execute(ConnectionDefinition.DEFAULT, connection -> {
            PageRead<Optional<Counsellor>> found = CounsellorStore.findRead(universityId, counsellorId);
            reads.prefetch(List.of(found, CounsellorStore.weeklyHoursRead(universityId, counsellorId)));
            Counsellor counsellor = reads.read(found)
                    .filter(Counsellor::bookable)
                    .orElseThrow(CounsellingException::counsellorNotFound);
            SlotRequest asked = request.apply(counsellor);
            PageRead<Optional<SessionType>> typeRead =
                    CounsellorStore.sessionTypeRead(universityId, counsellorId, asked.typeSlug());
            List<PageRead<?>> next = new ArrayList<>(availability.reads(counsellor, asked.from(), asked.until(), null));
            next.add(typeRead);
            reads.prefetch(next);
            SessionType type = reads.read(typeRead)
                    .filter(SessionType::active)
                    .orElseThrow(
                            () -> CounsellingException.invalid("type", "This counsellor does not offer that session."));
            return new OpenSlots(
                    asked.zone(), availability.freeSlots(counsellor, type, asked.from(), asked.until(), null));
        });
    }

    /** A counsellor's weekly hours and the overrides from today on. */
    record AvailabilityRules(Counsellor counsellor, List<WeeklyHours> weekly, List<DateOverride> overrides) {}

    AvailabilityRules availabilityOf(long universityId, long counsellorId) {
        return transactions.executeRead(status -> {
            Counsellor counsellor =
                    store.find(universityId, counsellorId).orElseThrow(CounsellingException::counsellorNotFound);
            LocalDate today = clock.now().atZone(counsellor.timeZone()).toLocalDate();
            return new AvailabilityRules(
                    counsellor,
                    store.weeklyHours(universityId, counsellorId),
                    store.overrides(universityId, counsellorId, today, today.plusYears(2)));
        });
    }

    /** Replaces the signed-in counsellor's photo with the re-encoded upload (422 {@code photo} when refused). */
    void changePhoto(SignedInUser counsellorUser, byte[] upload) {
        byte[] jpeg = CounsellorPhotos.reencode(upload);
        transactions.executeWrite(status -> {
            store.find(counsellorUser.universityId(), counsellorUser.userId())
                    .orElseThrow(CounsellingException::counsellorNotFound);
            store.savePhoto(counsellorUser.universityId(), counsellorUser.userId(), jpeg);
            return null;
        });
    }

    /** A counsellor's re-encoded photo (JPEG), if they uploaded one. */
    Optional<byte[]> photo(long universityId, long counsellorId) {
        return transactions.executeRead(status -> store.photo(universityId, counsellorId));
    }

    /** Settings a counsellor changes with their availability. */
    record AvailabilitySettings(
            java.time.ZoneId timeZone,
            int bufferBeforeMinutes,
            int bufferAfterMinutes,
            int minimumNoticeMinutes,
            int bookingWindowDays,
            int slotIntervalMinutes,
            List<WeeklyHours> weekly,
            List<DateOverride> overrides) {}

    void changeAvailability(SignedInUser counsellorUser, AvailabilitySettings settings) {
        long universityId = counsellorUser.universityId();
        transactions.executeWrite(status -> {
            Counsellor counsellor = store.find(universityId, counsellorUser.userId())
                    .orElseThrow(CounsellingException::counsellorNotFound);
            store.saveProfile(
                    universityId,
                    counsellor.userId(),
                    counsellor.email(),
                    counsellor.status(),
                    new CounsellorStore.Profile(
                            counsellor.name(),
                            counsellor.bio(),
                            counsellor.expertise(),
                            counsellor.languages(),
                            settings.timeZone(),
                            counsellor.meetingUrl()));
            store.changeSettings(
                    universityId,
                    counsellor.userId(),
                    settings.bufferBeforeMinutes(),
                    settings.bufferAfterMinutes(),
                    settings.minimumNoticeMinutes(),
                    settings.bookingWindowDays(),
                    settings.slotIntervalMinutes());
            store.replaceAvailability(
                    universityId,
                    counsellor.userId(),
                    settings.weekly(),
                    settings.overrides(),
                    clock.now().atZone(settings.timeZone()).toLocalDate());
            return null;
        });
    }

    /**
     * The counsellor changes what students see: name, bio, areas of expertise and languages (the
     * same rules as the application form). Status, zone and meeting link stay.
     *
     * @throws CounsellingException 422 with a message per refused field
     */
    Counsellor changeProfile(SignedInUser counsellorUser, String name, String bio, String expertise, String languages) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 200 || cleanName.chars().anyMatch(Character::isISOControl)) {
            errors.put("name", "Enter your name (up to 200 characters).");
        }
        String cleanBio = bio == null ? "" : bio.strip();
        if (cleanBio.length() < 20 || cleanBio.length() > 4000) {
            errors.put("bio", "Tell students about yourself in 20 to 4000 characters.");
        }
        List<String> areas = commaList(expertise, true);
        if (areas.isEmpty() || areas.size() > 10 || areas.stream().anyMatch(a -> a.length() > 60)) {
            errors.put("expertise", "List one to ten areas, separated by commas.");
        }
        List<String> spoken = commaList(languages, false);
        if (spoken.size() > 10 || spoken.stream().anyMatch(l -> l.length() > 40)) {
            errors.put("languages", "List up to ten languages, separated by commas.");
        }
        if (!errors.isEmpty()) {
            throw CounsellingException.invalid(errors);
        }
        long universityId = counsellorUser.universityId();
        return transactions.executeWrite(status -> {
            Counsellor counsellor = store.find(universityId, counsellorUser.userId())
                    .orElseThrow(CounsellingException::counsellorNotFound);
            store.saveProfile(
                    universityId,
                    counsellor.userId(),
                    counsellor.email(),
                    counsellor.status(),
                    new CounsellorStore.Profile(
                            cleanName, cleanBio, areas, spoken, counsellor.timeZone(), counsellor.meetingUrl()));
            return store.find(universityId, counsellor.userId()).orElseThrow();
        });
    }

    private static List<String> commaList(String value, boolean lowerCase) {
        if (value == null) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split(","))
                .map(String::strip)
                .map(item -> lowerCase ? item.toLowerCase(java.util.Locale.ROOT) : item)
                .filter(item -> !item.isEmpty() && item.chars().noneMatch(Character::isISOControl))
                .distinct()
                .toList();
    }

    /**
     * Registers a counsellor of this university: the user (COUNSELLOR) and a PENDING profile that
     * waits in the staff approval queue. An existing student or staff address cannot register.
     */
    Counsellor apply(long universityId, String email, CounsellorStore.Profile profile) {
        return transactions.executeWrite(status -> {
            Optional<User> existing = users.findByEmail(universityId, email);
            if (existing.isPresent() && existing.get().role() != Role.COUNSELLOR) {
                throw CounsellingException.invalid(
                        "email", "This address already belongs to a student or staff account.");
            }
            User user = existing.orElseGet(() -> users.ensure(universityId, email, profile.name(), Role.COUNSELLOR));
            if (store.find(universityId, user.id()).isPresent()) {
                throw CounsellingException.conflict("already_applied", "This counsellor has already registered.");
            }
            store.saveProfile(universityId, user.id(), user.email(), CounsellorStatus.PENDING, profile);
            return store.find(universityId, user.id()).orElseThrow();
        });
    }

    /** Creates or updates an approved counsellor with session types (demo data, tests, staff invitations). */
    Counsellor ensureApproved(long universityId, long userId, CounsellorStore.Profile profile) {
        return transactions.executeWrite(status -> {
            String email = users.find(universityId, userId)
                    .orElseThrow(CounsellingException::counsellorNotFound)
                    .email();
            store.saveProfile(universityId, userId, email, CounsellorStatus.APPROVED, profile);
            store.changeStatus(universityId, userId, CounsellorStatus.APPROVED, null, userId);
            return store.find(universityId, userId).orElseThrow();
        });
    }

    void offer(
            long universityId,
            long counsellorId,
            String slug,
            String name,
            int minutes,
            Integer priceGold,
            boolean included) {
        transactions.executeWrite(status -> {
            store.saveSessionType(universityId, counsellorId, slug, name, minutes, priceGold, included);
            return null;
        });
    }

    /** Staff approve, reject (reason required) or deactivate; the counsellor is emailed. */
    void decide(SignedInUser staff, long counsellorId, CounsellorStatus decision, String reason) {
        long universityId = staff.universityId();
        String why = reason == null ? "" : reason.strip();
        if ((decision == CounsellorStatus.REJECTED || decision == CounsellorStatus.INACTIVE) && why.isEmpty()) {
            throw CounsellingException.invalid("reason", "Give a reason; it is emailed to the counsellor.");
        }
        if (why.length() > 1000) {
            // the column holds 1000 characters: say so rather than fail on the constraint (found by FuzzTest)
            throw CounsellingException.invalid("reason", "Keep the reason under 1000 characters.");
        }
        transactions.executeWrite(status -> {
            store.find(universityId, counsellorId).orElseThrow(CounsellingException::counsellorNotFound);
            store.changeStatus(universityId, counsellorId, decision, why.isEmpty() ? null : why, staff.userId());
            auditLog.record(
                    universityId,
                    "user:" + staff.userId(),
                    "counselling.counsellor." + decision.name().toLowerCase(java.util.Locale.ROOT),
                    Map.of("counsellor", counsellorId, "reason", why));
            return null;
        });
        String heading =
                switch (decision) {
                    case APPROVED -> "Your counsellor profile is approved: students can now book you.";
                    case REJECTED -> "Your counsellor registration was not approved.";
                    case INACTIVE -> "Your counsellor profile was deactivated.";
                    case PENDING -> "Your counsellor profile is waiting for approval.";
                };
        mails.notify(
                universityId,
                counsellorId,
                "Your counsellor profile",
                heading,
                why.isEmpty() ? "Open your panel to set your availability." : "Reason: " + why,
                "/counsellor",
                "Open your panel");
    }

    BookingRules rules(long universityId) {
        return reads.read(CounsellorStore.rulesRead(universityId));
    }

    /**
     * What an appointment's page reads to offer moving it — the booking rules (the window to move in), the
     * counsellor's weekly hours the slots are made of — for it to send with its other reads (ADR 0076).
     */
    List<PageRead<?>> movingReads(long universityId, long counsellorId) {
        return List.of(
                CounsellorStore.rulesRead(universityId), CounsellorStore.weeklyHoursRead(universityId, counsellorId));
    }

    /**
     * What a counsellor's booking page reads of this feature — the counsellor, their session types and
     * rating, the university's booking rules and, {@code withSlots}, the weekly hours slots are made of —
     * for the page to send with its other reads (ADR 0076).
     */
    List<PageRead<?>> bookingReads(long universityId, long counsellorId, boolean withSlots) {
        List<PageRead<?>> page = new ArrayList<>(listedReads(universityId, counsellorId));
        page.add(CounsellorStore.rulesRead(universityId));
        if (withSlots) {
            page.add(CounsellorStore.weeklyHoursRead(universityId, counsellorId)); // what {@link #slots} reads first
        }
        return page;
    }

    void changeRules(SignedInUser staff, BookingRules rules) {
        transactions.executeWrite(status -> {
            store.saveRules(staff.universityId(), rules, staff.userId());
            auditLog.record(
                    staff.universityId(),
                    "user:" + staff.userId(),
                    "counselling.rules.changed",
                    Map.of(
                            "cancellationWindowHours", rules.cancellationWindowHours(),
                            "maxActiveBookings", rules.maxActiveBookings(),
                            "noShowStrikeLimit", rules.noShowStrikeLimit()));
            return null;
        });
    }

    /** Upcoming appointments of a counsellor (staff deactivate them one by one through Appointments). */
    List<Appointment> upcomingOf(long universityId, long counsellorId) {
        Instant now = clock.now();
        return reads.read(AppointmentStore.toComeRead(universityId, counsellorId, now)).stream()
                .filter(a -> a.isActive() && a.startsAt().isAfter(now))
                .toList();
    }
}
