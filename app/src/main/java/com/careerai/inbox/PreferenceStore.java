package com.careerai.inbox;

import com.careerai.platform.data.SqlRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** SQL of {@code notification_preferences}: only the choices a user made; defaults are not stored. */
@Singleton
class PreferenceStore {
    private final JdbcOperations jdbc;

    PreferenceStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's stored choices: kind name → email. */
    Map<String, Boolean> choices(long universityId, long userId) {
        Map<String, Boolean> choices = new LinkedHashMap<>();
        SqlRows.list(
                        jdbc,
                        "SELECT kind, email FROM notification_preferences WHERE university_id = ? AND user_id = ?",
                        SqlRows.parameters(universityId, userId),
                        row -> Map.entry(row.getString(1), row.getBoolean(2)))
                .forEach(choice -> choices.put(choice.getKey(), choice.getValue()));
        return choices;
    }

    void save(long universityId, long userId, String kind, boolean email) {
        SqlRows.update(
                jdbc,
                "INSERT INTO notification_preferences (university_id, user_id, kind, email) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (university_id, user_id, kind) DO UPDATE SET email = EXCLUDED.email,"
                        + " updated_at = now()",
                SqlRows.parameters(universityId, userId, kind, email));
    }

    /** Those of {@code userIds} whose stored choice for {@code kind} is {@code email}. */
    Set<Long> choosing(long universityId, Collection<Long> userIds, String kind, boolean email) {
        List<Long> ids = SqlRows.list(
                jdbc,
                "SELECT user_id FROM notification_preferences WHERE university_id = ? AND kind = ? AND email = ?"
                        + " AND user_id = ANY(?::bigint[])",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setString(2, kind);
                    statement.setBoolean(3, email);
                    statement.setArray(4, InboxStore.bigints(statement, userIds));
                },
                row -> row.getLong(1));
        return new HashSet<>(ids);
    }
}
