package com.careerai.inbox;

import com.careerai.platform.data.SqlRows;
import com.careerai.platform.privacy.PersonalData;
import com.careerai.platform.privacy.PersonalRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Map;

/** The in-app inbox and notification preferences: exported, deleted on erasure. */
@Singleton
class InboxPersonalData implements PersonalData {
    private final JdbcOperations jdbc;

    InboxPersonalData(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "notifications";
    }

    @Override
    public Part export(long universityId, long userId) {
        return Part.of(Map.of(
                "inbox",
                PersonalRows.json(
                        jdbc,
                        "SELECT to_jsonb(n) FROM notifications n WHERE university_id = ? AND user_id = ? ORDER BY created_at",
                        SqlRows.parameters(universityId, userId)),
                "preferences",
                PersonalRows.json(
                        jdbc,
                        "SELECT to_jsonb(p) FROM notification_preferences p WHERE university_id = ? AND user_id = ?",
                        SqlRows.parameters(universityId, userId))));
    }

    @Override
    public void erase(long universityId, long userId) {
        SqlRows.update(
                jdbc,
                "DELETE FROM notifications WHERE university_id = ? AND user_id = ?",
                SqlRows.parameters(universityId, userId));
        SqlRows.update(
                jdbc,
                "DELETE FROM notification_preferences WHERE university_id = ? AND user_id = ?",
                SqlRows.parameters(universityId, userId));
    }
}
