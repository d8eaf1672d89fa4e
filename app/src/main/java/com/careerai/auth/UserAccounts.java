package com.careerai.auth;

import com.careerai.auth.session.UserSnapshots;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import com.careerai.platform.web.RequestMemo;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What other features may ask about users. Every method takes the university first. */
@Singleton
public class UserAccounts {
    private final UserRepository users;
    private final UserSnapshots snapshots;

    UserAccounts(UserRepository users, UserSnapshots snapshots) {
        this.users = users;
        this.snapshots = snapshots;
    }

    /**
     * The user; read once per page request (the sign-in check and several home panels ask, issue
     * 19). A request that changes the row reads it afresh afterwards (see {@link #changed}).
     */
    public Optional<User> find(long universityId, long userId) {
        return Optional.ofNullable(RequestMemo.of(memoKey(universityId, userId), () -> read(universityId, userId)));
    }

    /** As {@link #find(long, long)} for the request being authenticated, which runs off its context. */
    public Optional<User> find(HttpRequest<?> request, long universityId, long userId) {
        return Optional.ofNullable(
                RequestMemo.of(request, memoKey(universityId, userId), () -> read(universityId, userId)));
    }

    /**
     * Keeps {@code user}, which the sign-in check took from its Redis snapshot ({@link UserSnapshots}),
     * as this request's read of the row, so the page's own asks need no statement either.
     */
    public User remember(HttpRequest<?> request, User user) {
        return RequestMemo.of(request, memoKey(user.universityId(), user.id()), () -> user);
    }

    private User read(long universityId, long userId) {
        return users.findByUniversityIdAndId(universityId, userId).orElse(null);
    }

    /**
     * Every writer of a user row calls this after its statement, so that the rest of its request
     * reads the row again and no sign-in check serves the row as it was ({@link UserSnapshots#changed}).
     */
    void changed(long universityId, long userId) {
        RequestMemo.forget(memoKey(universityId, userId));
        snapshots.changed(universityId, userId);
    }

    private static String memoKey(long universityId, long userId) {
        return "users.find:" + universityId + ":" + userId;
    }

    /**
     * The users among {@code userIds} by id, each read at most once per page request as {@link #find} reads
     * it: those this request has not read yet in one statement, then kept for {@link #find} (a page listing
     * many people's appointments names each once, however many lists it shows them in).
     */
    public Map<Long, User> findAllOnce(long universityId, Collection<Long> userIds) {
        Map<Long, User> found = new HashMap<>();
        List<Long> unread = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(userIds)) {
            Optional<Object> kept = RequestMemo.find(memoKey(universityId, id));
            if (kept.isPresent()) {
                found.put(id, (User) kept.get());
            } else {
                unread.add(id);
            }
        }
        for (User user : findAll(universityId, unread)) {
            RequestMemo.keep(memoKey(universityId, user.id()), user);
            found.put(user.id(), user);
        }
        return found;
    }

    /**
     * What {@link #findAllOnce} would read for {@code userIds}, for a page to send with its other reads in one
     * round trip (ADR 0076): the users this request has not read yet, each then kept as {@link #find} keeps
     * it, so that {@link #findAllOnce} finds them without a statement. Empty when every one is kept.
     */
    public List<PageRead<?>> findAllOnceReads(long universityId, Collection<Long> userIds) {
        List<Long> unread = userIds.stream()
                .distinct()
                .filter(id -> RequestMemo.find(memoKey(universityId, id)).isEmpty())
                .sorted()
                .toList();
        if (unread.isEmpty()) {
            return List.of();
        }
        PageRead<List<User>> read = PageRead.list(
                "users.find-all:" + universityId + ":" + unread,
                "SELECT id, email, name, role, email_verified, google_id, created_at, last_sign_in_at, deactivated_at,"
                        + " erasure_scheduled_at, is_pro FROM users WHERE university_id = ? AND id = ANY("
                        + SqlRows.BIGINT_ARRAY + ")",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setArray(2, statement.getConnection().createArrayOf("bigint", unread.toArray()));
                },
                row -> new User(
                        row.getLong("id"),
                        universityId,
                        row.getString("email"),
                        row.getString("name"),
                        Role.valueOf(row.getString("role")),
                        row.getBoolean("email_verified"),
                        row.getString("google_id"),
                        SqlRows.instant(row, "created_at"),
                        SqlRows.instantOrNull(row, "last_sign_in_at"),
                        SqlRows.instantOrNull(row, "deactivated_at"),
                        SqlRows.instantOrNull(row, "erasure_scheduled_at"),
                        row.getBoolean("is_pro")));
        for (Long id : unread) {
            read = read.alsoKeeps(memoKey(universityId, id), users -> users.stream()
                    .filter(user -> user.id().equals(id))
                    .findFirst()
                    .orElse(null));
        }
        return List.of(read);
    }

    /** The users among {@code userIds} (unknown ids, and other universities' ids, are left out). */
    public List<User> findAll(long universityId, Collection<Long> userIds) {
        return userIds.isEmpty() ? List.of() : users.findByUniversityIdAndIdIn(universityId, userIds);
    }

    public Optional<User> findByEmail(long universityId, String email) {
        return users.findByUniversityIdAndEmail(universityId, normalise(email));
    }

    /**
     * Ids of the university's students after {@code afterUserId}, ascending, at most {@code limit}:
     * lets bulk jobs walk every student in chunks without loading users.
     */
    public List<Long> studentIdsAfter(long universityId, long afterUserId, int limit) {
        return users.findIdsByRoleAfter(universityId, Role.STUDENT.name(), afterUserId, limit);
    }

    public long countStudents(long universityId) {
        return users.countByUniversityIdAndRole(universityId, Role.STUDENT);
    }

    /**
     * Whether the user holds an active plan (billing keeps this flag); false for an unknown user. The row
     * read once in the request: for the signed-in person, the one their sign-in check brought (no statement).
     */
    public boolean isPro(long universityId, long userId) {
        return find(universityId, userId).map(User::pro).orElse(false);
    }

    /** Billing marks a student Pro while a plan subscription is active; true when the user exists. */
    public boolean setPro(long universityId, long userId, boolean pro) {
        boolean found = users.changePro(universityId, userId, pro) == 1;
        changed(universityId, userId);
        return found;
    }

    /**
     * The person's own name as they want it shown (their career profile); null or blank clears it
     * (pages then show the part of the email before the @). True when the user exists.
     */
    public boolean rename(long universityId, long userId, String name) {
        String clean = name == null || name.isBlank() ? null : name.strip();
        boolean found = users.changeName(universityId, userId, clean) == 1;
        changed(universityId, userId);
        return found;
    }

    /**
     * The privacy feature's record that the person's account is to be erased at {@code at} (null: no
     * erasure scheduled), kept on the user row so every signed-in page's banner rides on the row the
     * sign-in check reads (issue 19). True when the user exists.
     */
    public boolean markErasureScheduled(long universityId, long userId, @Nullable Instant at) {
        boolean found = users.changeErasureScheduled(universityId, userId, at) == 1;
        changed(universityId, userId);
        return found;
    }

    /** Creates the user unless one with this email exists in the university; returns either. */
    public User ensure(long universityId, String email, String name, Role role) {
        String normalised = normalise(email);
        return users.findByUniversityIdAndEmail(universityId, normalised)
                .orElseGet(() -> users.save(User.newUser(universityId, normalised, name, role)));
    }

    public static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
