package com.careerai.counselling;

import com.careerai.counselling.SlotGenerator.DateOverride;
import com.careerai.counselling.SlotGenerator.WeeklyHours;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** SQL of counsellor profiles, session types, availability and booking rules; every statement is scoped. */
@Singleton
class CounsellorStore {
    private static final String COLUMNS = "c.university_id, c.user_id, c.status, c.display_name, c.email, c.bio,"
            + " c.expertise, c.languages, c.time_zone, c.meeting_url, c.buffer_before_minutes,"
            + " c.buffer_after_minutes, c.min_notice_minutes, c.booking_window_days, c.slot_interval_minutes,"
            + " c.decision_reason, c.photo_jpeg IS NOT NULL AS has_photo";
    private static final String FROM = " FROM counsellors c";

    private final JdbcOperations jdbc;

    CounsellorStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Counsellor settings a profile form or the API may change. */
    record Profile(
            String name,
            String bio,
            List<String> expertise,
            List<String> languages,
            ZoneId timeZone,
            String meetingUrl) {}

    Optional<Counsellor> find(long universityId, long userId) {
        return findRead(universityId, userId).runOn(jdbc);
    }

    /** {@link #find} as a page's read (ADR 0076). */
    static PageRead<Optional<Counsellor>> findRead(long universityId, long userId) {
        return Sql.oneRead(
                "counselling.counsellor:" + universityId + ":" + userId,
                "SELECT " + COLUMNS + FROM + " WHERE c.university_id = ? AND c.user_id = ?",
                CounsellorStore::counsellor,
                universityId,
                userId);
    }

    List<Counsellor> listByStatus(long universityId, CounsellorStatus status) {
        return listByStatusRead(universityId, status).runOn(jdbc);
    }

    /** {@link #listByStatus} as a page's read (ADR 0076). */
    static PageRead<List<Counsellor>> listByStatusRead(long universityId, CounsellorStatus status) {
        return Sql.listRead(
                "counselling.counsellors:" + universityId + ":" + status,
                "SELECT " + COLUMNS + FROM + " WHERE c.university_id = ? AND c.status = ? ORDER BY c.display_name",
                CounsellorStore::counsellor,
                universityId,
                status);
    }

    /**
     * Approved counsellors with at least one expertise tag equal, ignoring case, to one of
     * {@code lowerCaseNames}, those matching most first, then by name: at most {@code limit} rows,
     * matched and ordered here rather than shipped to Java. The university's approved counsellors
     * are found through {@code counsellors_university_status}; a university has tens of them, so
     * matching their tags needs no index of its own (bench/RESULTS.md, session 17).
     */
    PageRead<List<CounsellorCard>> withExpertise(long universityId, Collection<String> lowerCaseNames, int limit) {
        return Sql.listRead(
                "counselling.expertise:" + universityId + ":" + String.join("\u001f", lowerCaseNames) + ":" + limit,
                "SELECT c.user_id, c.display_name, c.bio, c.expertise FROM counsellors c"
                        + " CROSS JOIN LATERAL (SELECT count(*) AS matches FROM unnest(c.expertise) AS tag"
                        + " WHERE lower(tag) = ANY(?::text[])) m"
                        + " WHERE c.university_id = ? AND c.status = 'APPROVED' AND m.matches > 0"
                        + " ORDER BY m.matches DESC, c.display_name, c.user_id LIMIT ?",
                row -> new CounsellorCard(
                        row.getLong("user_id"),
                        row.getString("display_name"),
                        row.getString("bio"),
                        Sql.strings(row, "expertise")),
                lowerCaseNames,
                universityId,
                limit);
    }

    /** How many counsellors have the status, as a page's read (ADR 0076). */
    static PageRead<Long> countByStatusRead(long universityId, CounsellorStatus status) {
        return Sql.oneRead(
                        "counselling.counsellors-with-status:" + universityId + ":" + status,
                        "SELECT count(*) FROM counsellors WHERE university_id = ? AND status = ?",
                        row -> row.getLong(1),
                        universityId,
                        status)
                .map(found -> found.orElse(0L));
    }

    /** Creates the profile (status as given) or updates its profile fields, leaving the status. */
    void saveProfile(long universityId, long userId, String email, CounsellorStatus initialStatus, Profile profile) {
        Sql.update(
                jdbc,
                "INSERT INTO counsellors (university_id, user_id, email, status, display_name, bio, expertise, languages,"
                        + " time_zone, meeting_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (university_id, user_id) DO UPDATE SET display_name = EXCLUDED.display_name,"
                        + " email = EXCLUDED.email,"
                        + " bio = EXCLUDED.bio, expertise = EXCLUDED.expertise, languages = EXCLUDED.languages,"
                        + " time_zone = EXCLUDED.time_zone, meeting_url = EXCLUDED.meeting_url, updated_at = now()",
                universityId,
                userId,
                email,
                initialStatus,
                profile.name(),
                profile.bio(),
                profile.expertise(),
                profile.languages(),
                profile.timeZone().getId(),
                profile.meetingUrl());
    }

    boolean changeStatus(long universityId, long userId, CounsellorStatus status, String reason, long decidedBy) {
        return Sql.update(
                        jdbc,
                        "UPDATE counsellors SET status = ?, decision_reason = ?, decided_by = ?, decided_at = now(),"
                                + " updated_at = now() WHERE university_id = ? AND user_id = ?",
                        status,
                        reason,
                        decidedBy,
                        universityId,
                        userId)
                == 1;
    }

    /** Stores the counsellor's photo, already re-encoded by {@link CounsellorPhotos}. */
    void savePhoto(long universityId, long userId, byte[] jpeg) {
        Sql.update(
                jdbc,
                "UPDATE counsellors SET photo_jpeg = ?, updated_at = now() WHERE university_id = ? AND user_id = ?",
                jpeg,
                universityId,
                userId);
    }

    Optional<byte[]> photo(long universityId, long userId) {
        return Sql.one(
                jdbc,
                "SELECT photo_jpeg FROM counsellors WHERE university_id = ? AND user_id = ? AND photo_jpeg IS NOT NULL",
                row -> row.getBytes("photo_jpeg"),
                universityId,
                userId);
    }

    void changeSettings(
            long universityId,
            long userId,
            int bufferBefore,
            int bufferAfter,
            int minNotice,
            int windowDays,
            int interval) {
        Sql.update(
                jdbc,
                "UPDATE counsellors SET buffer_before_minutes = ?, buffer_after_minutes = ?, min_notice_minutes = ?,"
                        + " booking_window_days = ?, slot_interval_minutes = ?, updated_at = now()"
                        + " WHERE university_id = ? AND user_id = ?",
                bufferBefore,
                bufferAfter,
                minNotice,
                windowDays,
                interval,
                universityId,
                userId);
    }

    List<SessionType> sessionTypes(long universityId, long counsellorId) {
        return sessionTypesRead(universityId, counsellorId).runOn(jdbc);
    }

    /** {@link #sessionTypes}, a counsellor's active session types, as a page's read (ADR 0076). */
    static PageRead<List<SessionType>> sessionTypesRead(long universityId, long counsellorId) {
        return Sql.listRead(
                "counselling.session-types:" + universityId + ":" + counsellorId,
                "SELECT * FROM counselling_session_types WHERE university_id = ? AND counsellor_id = ? AND active"
                        + " ORDER BY minutes, name",
                CounsellorStore::sessionType,
                universityId,
                counsellorId);
    }

    /**
     * The active session types of every approved counsellor of the university, by counsellor, each's in
     * {@link #sessionTypes}'s order: one statement for a list of counsellors (it was one per counsellor).
     */
    static PageRead<Map<Long, List<SessionType>>> approvedSessionTypesRead(long universityId) {
        return Sql.listRead(
                        "counselling.approved-session-types:" + universityId,
                        "SELECT t.* FROM counselling_session_types t JOIN counsellors c"
                                + " ON c.university_id = t.university_id AND c.user_id = t.counsellor_id"
                                + " WHERE t.university_id = ? AND c.status = 'APPROVED' AND t.active"
                                + " ORDER BY t.counsellor_id, t.minutes, t.name",
                        CounsellorStore::sessionType,
                        universityId)
                .map(types -> types.stream()
                        .collect(Collectors.groupingBy(SessionType::counsellorId, Collectors.toUnmodifiableList())));
    }

    Optional<SessionType> sessionType(long universityId, long counsellorId, String slug) {
        return sessionTypeRead(universityId, counsellorId, slug).runOn(jdbc);
    }

    /** {@link #sessionType} as a page's read (ADR 0076). */
    static PageRead<Optional<SessionType>> sessionTypeRead(long universityId, long counsellorId, String slug) {
        return Sql.oneRead(
                "counselling.session-type:" + universityId + ":" + counsellorId + ":" + slug,
                "SELECT * FROM counselling_session_types WHERE university_id = ? AND counsellor_id = ? AND slug = ?",
                CounsellorStore::sessionType,
                universityId,
                counsellorId,
                slug);
    }

    void saveSessionType(
            long universityId,
            long counsellorId,
            String slug,
            String name,
            int minutes,
            Integer priceGold,
            boolean included) {
        Sql.update(
                jdbc,
                "INSERT INTO counselling_session_types (university_id, counsellor_id, slug, name, minutes, price_gold,"
                        + " included) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (university_id, counsellor_id, slug)"
                        + " DO UPDATE SET name = EXCLUDED.name, minutes = EXCLUDED.minutes,"
                        // a money price set by a paid expert is kept (a type has one price or the other)
                        + " price_gold = CASE WHEN counselling_session_types.price_cents IS NULL"
                        + " THEN EXCLUDED.price_gold END, included = CASE WHEN counselling_session_types.price_cents"
                        + " IS NULL THEN EXCLUDED.included ELSE FALSE END, active = TRUE",
                universityId,
                counsellorId,
                slug,
                name,
                minutes,
                priceGold,
                included);
    }

    List<WeeklyHours> weeklyHours(long universityId, long counsellorId) {
        return weeklyHoursRead(universityId, counsellorId).runOn(jdbc);
    }

    /** {@link #weeklyHours} as a page's read (ADR 0076). */
    static PageRead<List<WeeklyHours>> weeklyHoursRead(long universityId, long counsellorId) {
        return Sql.listRead(
                "counselling.weekly-hours:" + universityId + ":" + counsellorId,
                "SELECT day_of_week, starts_at, ends_at FROM counsellor_weekly_hours"
                        + " WHERE university_id = ? AND counsellor_id = ? ORDER BY day_of_week, starts_at",
                row -> new WeeklyHours(
                        DayOfWeek.of(row.getInt(1)),
                        row.getObject(2, LocalTime.class),
                        row.getObject(3, LocalTime.class)),
                universityId,
                counsellorId);
    }

    List<DateOverride> overrides(long universityId, long counsellorId, LocalDate from, LocalDate to) {
        return overridesRead(universityId, counsellorId, from, to).runOn(jdbc);
    }

    /** {@link #overrides} as a page's read (ADR 0076). */
    static PageRead<List<DateOverride>> overridesRead(
            long universityId, long counsellorId, LocalDate from, LocalDate to) {
        return Sql.listRead(
                "counselling.overrides:" + universityId + ":" + counsellorId + ":" + from + ":" + to,
                "SELECT on_date, kind, starts_at, ends_at FROM counsellor_date_overrides"
                        + " WHERE university_id = ? AND counsellor_id = ? AND on_date BETWEEN ? AND ?"
                        + " ORDER BY on_date, starts_at",
                row -> new DateOverride(
                        row.getObject(1, LocalDate.class),
                        "OFF".equals(row.getString(2)),
                        row.getObject(3, LocalTime.class),
                        row.getObject(4, LocalTime.class)),
                universityId,
                counsellorId,
                from,
                to);
    }

    /** Replaces all weekly hours and the overrides from {@code today} on. */
    void replaceAvailability(
            long universityId,
            long counsellorId,
            List<WeeklyHours> weekly,
            List<DateOverride> overrides,
            LocalDate today) {
        Sql.update(
                jdbc,
                "DELETE FROM counsellor_weekly_hours WHERE university_id = ? AND counsellor_id = ?",
                universityId,
                counsellorId);
        for (WeeklyHours hours : weekly) {
            Sql.update(
                    jdbc,
                    "INSERT INTO counsellor_weekly_hours (university_id, counsellor_id, day_of_week, starts_at, ends_at)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    universityId,
                    counsellorId,
                    hours.day().getValue(),
                    hours.start(),
                    hours.end());
        }
        Sql.update(
                jdbc,
                "DELETE FROM counsellor_date_overrides WHERE university_id = ? AND counsellor_id = ? AND on_date >= ?",
                universityId,
                counsellorId,
                today);
        for (DateOverride override : overrides) {
            Sql.update(
                    jdbc,
                    "INSERT INTO counsellor_date_overrides (university_id, counsellor_id, on_date, kind, starts_at,"
                            + " ends_at) VALUES (?, ?, ?, ?, ?, ?)",
                    universityId,
                    counsellorId,
                    override.date(),
                    override.off() ? "OFF" : "EXTRA",
                    override.start(),
                    override.end());
        }
    }

    BookingRules rules(long universityId) {
        return rulesRead(universityId).runOn(jdbc);
    }

    /** The university's booking rules (the defaults until staff save some), as a page's read (ADR 0076). */
    static PageRead<BookingRules> rulesRead(long universityId) {
        return PageRead.optional(
                        "counselling.rules:" + universityId,
                        "SELECT cancellation_window_hours, max_active_bookings, no_show_strike_limit"
                                + " FROM counselling_rules WHERE university_id = ?",
                        SqlRows.parameters(universityId),
                        row -> new BookingRules(row.getInt(1), row.getInt(2), row.getInt(3)))
                .map(found -> found.orElse(BookingRules.DEFAULTS));
    }

    void saveRules(long universityId, BookingRules rules, long staffId) {
        Sql.update(
                jdbc,
                "INSERT INTO counselling_rules (university_id, cancellation_window_hours, max_active_bookings,"
                        + " no_show_strike_limit, updated_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (university_id)"
                        + " DO UPDATE SET cancellation_window_hours = EXCLUDED.cancellation_window_hours,"
                        + " max_active_bookings = EXCLUDED.max_active_bookings,"
                        + " no_show_strike_limit = EXCLUDED.no_show_strike_limit, updated_by = EXCLUDED.updated_by,"
                        + " updated_at = now()",
                universityId,
                rules.cancellationWindowHours(),
                rules.maxActiveBookings(),
                rules.noShowStrikeLimit(),
                staffId);
    }

    private static Counsellor counsellor(ResultSet row) throws SQLException {
        return new Counsellor(
                row.getLong("university_id"),
                row.getLong("user_id"),
                CounsellorStatus.valueOf(row.getString("status")),
                row.getString("display_name"),
                row.getString("email"),
                row.getString("bio"),
                Sql.strings(row, "expertise"),
                Sql.strings(row, "languages"),
                ZoneId.of(row.getString("time_zone")),
                row.getString("meeting_url"),
                row.getInt("buffer_before_minutes"),
                row.getInt("buffer_after_minutes"),
                row.getInt("min_notice_minutes"),
                row.getInt("booking_window_days"),
                row.getInt("slot_interval_minutes"),
                row.getString("decision_reason"),
                row.getBoolean("has_photo"));
    }

    private static SessionType sessionType(ResultSet row) throws SQLException {
        return new SessionType(
                row.getLong("university_id"),
                row.getLong("id"),
                row.getLong("counsellor_id"),
                row.getString("slug"),
                row.getString("name"),
                row.getInt("minutes"),
                Sql.nullableInt(row, "price_gold"),
                row.getBoolean("included"),
                row.getBoolean("active"),
                Sql.nullableLong(row, "price_cents"),
                row.getString("price_currency"));
    }

    /** Sets or (null) removes a type's money price; a money price replaces a gold one. */
    boolean setMoneyPrice(long universityId, long counsellorId, String slug, Long priceCents, String currency) {
        return Sql.update(
                        jdbc,
                        "UPDATE counselling_session_types SET price_cents = ?, price_currency = ?,"
                                + " price_gold = CASE WHEN ?::bigint IS NULL THEN price_gold ELSE NULL END,"
                                + " included = CASE WHEN ?::bigint IS NULL THEN included ELSE FALSE END"
                                + " WHERE university_id = ? AND counsellor_id = ? AND slug = ?",
                        priceCents,
                        priceCents == null ? null : currency,
                        priceCents,
                        priceCents,
                        universityId,
                        counsellorId,
                        slug)
                == 1;
    }
}
