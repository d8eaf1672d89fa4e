package com.careerai.referrals;

import com.careerai.credits.Currency;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SQL of referrals: codes, settings, referrals. Every statement names its university. */
@Singleton
class ReferralStore {
    private static final String COLUMNS = "university_id, id, referrer_id, referee_id, status, flag, currency,"
            + " referrer_amount, referee_amount, hold_until, first_payment_id, decided_by, released_at, ended_at,"
            + " end_reason, created_at";

    /** A code and where its owner was last seen asking for it. */
    record Code(long userId, String code, @Nullable String lastAddress, @Nullable Instant lastSeenAt) {}

    /** A referrer and how many of their referrals were rewarded (or are on the way). */
    record TopReferrer(long userId, long signUps, long rewarded) {}

    /** Referrals per status. */
    record StatusCount(String status, long count) {}

    /** A referrer's referrals of one status: how many, and their rewards' sum. */
    record StatusTotal(ReferralStatus status, long count, long amount) {}

    private final JdbcOperations jdbc;

    ReferralStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Code> codeOf(long universityId, long userId) {
        return codeRead(universityId, userId).runOn(jdbc);
    }

    /** {@link #codeOf}, as a page's read (ADR 0076). */
    static PageRead<Optional<Code>> codeRead(long universityId, long userId) {
        return PageRead.optional(
                "referrals.code:" + universityId + ":" + userId,
                "SELECT user_id, code, last_address, last_seen_at FROM referral_codes"
                        + " WHERE university_id = ? AND user_id = ?",
                SqlRows.parameters(universityId, userId),
                ReferralStore::code);
    }

    Optional<Code> byCode(long universityId, String code) {
        return SqlRows.optional(
                jdbc,
                "SELECT user_id, code, last_address, last_seen_at FROM referral_codes"
                        + " WHERE university_id = ? AND code = ?",
                SqlRows.parameters(universityId, code),
                ReferralStore::code);
    }

    /** Inserts the code unless the user has one or the code is taken; true when inserted. */
    boolean insertCode(long universityId, long userId, String code) {
        return SqlRows.update(
                        jdbc,
                        "INSERT INTO referral_codes (university_id, user_id, code) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                        SqlRows.parameters(universityId, userId, code))
                == 1;
    }

    /**
     * Records where and when the user last asked for their link. Asked again from the same address within
     * {@code refreshAfter}, nothing is written (the statement matches no row): a page viewed again and again
     * makes no new row version, WAL or row lock each time, and the time kept is at most that much early.
     */
    void seen(long universityId, long userId, String address, Instant at, Duration refreshAfter) {
        SqlRows.update(
                jdbc,
                "UPDATE referral_codes SET last_address = ?, last_seen_at = ? WHERE university_id = ? AND user_id = ?"
                        + " AND (last_address IS DISTINCT FROM ? OR last_seen_at IS NULL OR last_seen_at <= ?)",
                statement -> {
                    statement.setString(1, address);
                    statement.setTimestamp(2, Timestamp.from(at));
                    statement.setLong(3, universityId);
                    statement.setLong(4, userId);
                    statement.setString(5, address);
                    statement.setTimestamp(6, Timestamp.from(at.minus(refreshAfter)));
                });
    }

    ReferralSettings settings(long universityId) {
        return settingsRead(universityId).runOn(jdbc);
    }

    /** {@link #settings}, as a page's read (ADR 0076). */
    static PageRead<ReferralSettings> settingsRead(long universityId) {
        return PageRead.optional(
                        "referrals.settings:" + universityId,
                        "SELECT enabled, currency, referrer_amount, referee_amount, hold_days, monthly_cap,"
                                + " address_window_hours FROM referral_settings WHERE university_id = ?",
                        SqlRows.parameters(universityId),
                        row -> new ReferralSettings(
                                row.getBoolean(1),
                                Currency.valueOf(row.getString(2)),
                                row.getInt(3),
                                row.getInt(4),
                                row.getInt(5),
                                row.getInt(6),
                                row.getInt(7)))
                .map(found -> found.orElse(ReferralSettings.DEFAULTS));
    }

    void saveSettings(long universityId, ReferralSettings settings, String actor) {
        SqlRows.update(
                jdbc,
                "INSERT INTO referral_settings (university_id, enabled, currency, referrer_amount, referee_amount,"
                        + " hold_days, monthly_cap, address_window_hours, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (university_id) DO UPDATE SET enabled = excluded.enabled,"
                        + " currency = excluded.currency, referrer_amount = excluded.referrer_amount,"
                        + " referee_amount = excluded.referee_amount, hold_days = excluded.hold_days,"
                        + " monthly_cap = excluded.monthly_cap, address_window_hours = excluded.address_window_hours,"
                        + " changed_by = excluded.changed_by, changed_at = now()",
                SqlRows.parameters(
                        universityId,
                        settings.enabled(),
                        settings.currency().name(),
                        settings.referrerAmount(),
                        settings.refereeAmount(),
                        settings.holdDays(),
                        settings.monthlyCap(),
                        settings.addressWindowHours(),
                        actor));
    }

    /** Inserts the referral unless the referee already has one; the row, or empty for a second one. */
    Optional<Referral> insert(
            long universityId,
            long referrerId,
            long refereeId,
            ReferralStatus status,
            @Nullable String flag,
            ReferralSettings settings,
            Instant holdUntil,
            @Nullable String address,
            Instant createdAt) {
        return SqlRows.optional(
                jdbc,
                "INSERT INTO referrals (university_id, referrer_id, referee_id, status, flag, currency,"
                        + " referrer_amount, referee_amount, hold_until, signup_address, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (university_id, referee_id) DO NOTHING"
                        + " RETURNING " + COLUMNS,
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setLong(2, referrerId);
                    statement.setLong(3, refereeId);
                    statement.setString(4, status.name());
                    statement.setString(5, flag);
                    statement.setString(6, settings.currency().name());
                    statement.setInt(7, settings.referrerAmount());
                    statement.setInt(8, settings.refereeAmount());
                    statement.setTimestamp(9, Timestamp.from(holdUntil));
                    statement.setString(10, address);
                    statement.setTimestamp(11, Timestamp.from(createdAt));
                },
                ReferralStore::referral);
    }

    /** Rewarded or on the way (held, in review, released) for the referrer since {@code since}. */
    long countRewardedSince(long universityId, long referrerId, Instant since) {
        return SqlRows.single(
                jdbc,
                "SELECT count(*) FROM referrals WHERE university_id = ? AND referrer_id = ?"
                        + " AND status IN ('HELD', 'REVIEW', 'RELEASED') AND created_at >= ?",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setLong(2, referrerId);
                    statement.setTimestamp(3, Timestamp.from(since));
                },
                row -> row.getLong(1));
    }

    Optional<Referral> lock(long universityId, long id) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + COLUMNS + " FROM referrals WHERE university_id = ? AND id = ? FOR UPDATE",
                SqlRows.parameters(universityId, id),
                ReferralStore::referral);
    }

    Optional<Referral> find(long universityId, long id) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + COLUMNS + " FROM referrals WHERE university_id = ? AND id = ?",
                SqlRows.parameters(universityId, id),
                ReferralStore::referral);
    }

    Optional<Referral> ofReferee(long universityId, long refereeId) {
        return ofRefereeRead(universityId, refereeId).runOn(jdbc);
    }

    /** {@link #ofReferee}, as a page's read (ADR 0076). */
    static PageRead<Optional<Referral>> ofRefereeRead(long universityId, long refereeId) {
        return PageRead.optional(
                "referrals.of-referee:" + universityId + ":" + refereeId,
                "SELECT " + COLUMNS + " FROM referrals WHERE university_id = ? AND referee_id = ?",
                SqlRows.parameters(universityId, refereeId),
                ReferralStore::referral);
    }

    /** A referrer's newest {@code limit} referrals, as a page's read (ADR 0076). */
    static PageRead<List<Referral>> ofReferrerRead(long universityId, long referrerId, int limit) {
        return PageRead.list(
                "referrals.of-referrer:" + universityId + ":" + referrerId + ":" + limit,
                "SELECT " + COLUMNS + " FROM referrals WHERE university_id = ? AND referrer_id = ?"
                        + " ORDER BY created_at DESC, id DESC LIMIT ?",
                SqlRows.parameters(universityId, referrerId, limit),
                ReferralStore::referral);
    }

    /**
     * A referrer's referrals counted and their rewards summed by status, every one of them (the page once
     * summed only the newest it lists), as a page's read.
     */
    static PageRead<List<StatusTotal>> totalsOfReferrerRead(long universityId, long referrerId) {
        return PageRead.list(
                "referrals.totals-of-referrer:" + universityId + ":" + referrerId,
                "SELECT status, count(*), coalesce(sum(referrer_amount), 0) FROM referrals"
                        + " WHERE university_id = ? AND referrer_id = ? GROUP BY status",
                SqlRows.parameters(universityId, referrerId),
                row -> new StatusTotal(ReferralStatus.valueOf(row.getString(1)), row.getLong(2), row.getLong(3)));
    }

    /** The newest {@code limit} referrals of a status, as a page's read (ADR 0076). */
    static PageRead<List<Referral>> withStatusRead(long universityId, ReferralStatus status, int limit) {
        return PageRead.list(
                "referrals.with-status:" + universityId + ":" + status + ":" + limit,
                "SELECT " + COLUMNS + " FROM referrals WHERE university_id = ? AND status = ?"
                        + " ORDER BY created_at DESC, id DESC LIMIT ?",
                SqlRows.parameters(universityId, status.name(), limit),
                ReferralStore::referral);
    }

    /** A page of the university's referrals, newest first, as a page's read. */
    static PageRead<List<Referral>> recentRead(long universityId, long offset, int limit) {
        return PageRead.list(
                "referrals.recent:" + universityId + ":" + offset + ":" + limit,
                "SELECT " + COLUMNS + " FROM referrals WHERE university_id = ? ORDER BY created_at DESC, id DESC"
                        + SqlRows.limit(limit, offset),
                SqlRows.parameters(universityId),
                ReferralStore::referral);
    }

    /** Ids of held referrals whose hold ended by {@code now}, oldest first. */
    List<Long> due(long universityId, Instant now, int limit) {
        return SqlRows.list(
                jdbc,
                "SELECT id FROM referrals WHERE university_id = ? AND status = 'HELD' AND hold_until <= ?"
                        + " ORDER BY hold_until, id LIMIT ?",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setTimestamp(2, Timestamp.from(now));
                    statement.setInt(3, limit);
                },
                row -> row.getLong(1));
    }

    /** The university's referrals counted by status, as a page's read. */
    static PageRead<List<StatusCount>> countsByStatusRead(long universityId) {
        return PageRead.list(
                "referrals.counts-by-status:" + universityId,
                "SELECT status, count(*) FROM referrals WHERE university_id = ? GROUP BY status ORDER BY status",
                SqlRows.parameters(universityId),
                row -> new StatusCount(row.getString(1), row.getLong(2)));
    }

    /** The {@code limit} referrers with the most rewarded referrals, as a page's read. */
    static PageRead<List<TopReferrer>> topRead(long universityId, int limit) {
        return PageRead.list(
                "referrals.top:" + universityId + ":" + limit,
                "SELECT referrer_id, count(*), count(*) FILTER (WHERE status IN ('HELD', 'REVIEW', 'RELEASED'))"
                        + " FROM referrals WHERE university_id = ? GROUP BY referrer_id"
                        + " ORDER BY 3 DESC, 2 DESC, referrer_id LIMIT ?",
                SqlRows.parameters(universityId, limit),
                row -> new TopReferrer(row.getLong(1), row.getLong(2), row.getLong(3)));
    }

    void setStatus(
            long universityId,
            long id,
            ReferralStatus status,
            @Nullable String decidedBy,
            @Nullable String endReason,
            Instant at) {
        SqlRows.update(
                jdbc,
                "UPDATE referrals SET status = ?,"
                        + " decided_by = COALESCE(?, decided_by), decided_at = CASE WHEN CAST(? AS text) IS NULL THEN decided_at ELSE ? END,"
                        + " released_at = CASE WHEN ? = 'RELEASED' THEN ? ELSE released_at END,"
                        + " ended_at = CASE WHEN ? IN ('CANCELLED', 'REVERSED') THEN ? ELSE ended_at END,"
                        + " end_reason = COALESCE(?, end_reason)"
                        + " WHERE university_id = ? AND id = ?",
                statement -> {
                    Timestamp when = Timestamp.from(at);
                    statement.setString(1, status.name());
                    statement.setString(2, decidedBy);
                    statement.setString(3, decidedBy);
                    statement.setTimestamp(4, when);
                    statement.setString(5, status.name());
                    statement.setTimestamp(6, when);
                    statement.setString(7, status.name());
                    statement.setTimestamp(8, when);
                    statement.setString(9, endReason);
                    statement.setLong(10, universityId);
                    statement.setLong(11, id);
                });
    }

    /** Remembers the referee's first confirmed payment; false when one was remembered already. */
    boolean rememberFirstPayment(long universityId, long refereeId, UUID paymentId) {
        return SqlRows.update(
                        jdbc,
                        "UPDATE referrals SET first_payment_id = ? WHERE university_id = ? AND referee_id = ?"
                                + " AND first_payment_id IS NULL",
                        SqlRows.parameters(paymentId, universityId, refereeId))
                == 1;
    }

    private static Code code(ResultSet row) throws SQLException {
        Timestamp seen = row.getTimestamp(4);
        return new Code(row.getLong(1), row.getString(2), row.getString(3), seen == null ? null : seen.toInstant());
    }

    private static Referral referral(ResultSet row) throws SQLException {
        Timestamp released = row.getTimestamp(13);
        Timestamp ended = row.getTimestamp(14);
        return new Referral(
                row.getLong(1),
                row.getLong(2),
                row.getLong(3),
                row.getLong(4),
                ReferralStatus.valueOf(row.getString(5)),
                row.getString(6),
                Currency.valueOf(row.getString(7)),
                row.getInt(8),
                row.getInt(9),
                row.getTimestamp(10).toInstant(),
                row.getObject(11, UUID.class),
                row.getString(12),
                released == null ? null : released.toInstant(),
                ended == null ? null : ended.toInstant(),
                row.getString(15),
                row.getTimestamp(16).toInstant());
    }
}
