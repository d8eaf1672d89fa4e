package com.careerai.auth;

import com.careerai.platform.data.SqlRows;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers on which UTC days a student was active (any signed-in request) in
 * {@code student_activity}, for the active-student figures of staff analytics. One insert per
 * student and day and instance: a student already seen today is not written again; a second
 * instance's insert of the same day is a no-op ({@code ON CONFLICT DO NOTHING}).
 */
@Singleton
public class StudentActivity {
    private static final int REMEMBERED = 200_000;

    private final Store store;
    private final Map<String, LocalDate> seenOn = new ConcurrentHashMap<>();

    StudentActivity(Store store) {
        this.store = store;
    }

    /** Records that the student is active today (UTC), at most once a day per instance. */
    public void seen(long universityId, long userId) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String key = universityId + ":" + userId;
        if (today.equals(seenOn.get(key))) {
            return;
        }
        store.record(universityId, userId, today);
        if (seenOn.size() > REMEMBERED) {
            seenOn.clear();
        }
        seenOn.put(key, today);
    }

    @Singleton
    static class Store {
        private final JdbcOperations jdbc;

        Store(JdbcOperations jdbc) {
            this.jdbc = jdbc;
        }

        /** One auto-commit statement: {@code ON CONFLICT DO NOTHING} is atomic alone, no transaction around it. */
        @Connectable
        void record(long universityId, long userId, LocalDate day) {
            SqlRows.update(
                    jdbc,
                    "INSERT INTO student_activity (university_id, day, user_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    SqlRows.parameters(universityId, day, userId));
        }
    }
}
