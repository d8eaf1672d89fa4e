package com.careerai.interests;

import com.careerai.platform.data.SqlRows;
import com.careerai.platform.privacy.PersonalData;
import com.careerai.platform.privacy.PersonalRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/** The interests a student chose: exported, forgotten on erasure. */
@Singleton
class InterestsPersonalData implements PersonalData {
    private final JdbcOperations jdbc;
    private final InterestSnapshots snapshots;

    InterestsPersonalData(JdbcOperations jdbc, InterestSnapshots snapshots) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
    }

    @Override
    public String key() {
        return "interests";
    }

    @Override
    public Part export(long universityId, long userId) {
        return Part.of(PersonalRows.json(
                jdbc,
                "SELECT jsonb_build_object('interest', i.name, 'chosenAt', s.created_at) FROM student_interests s"
                        + " JOIN interests i ON i.university_id = s.university_id AND i.id = s.interest_id"
                        + " WHERE s.university_id = ? AND s.user_id = ?",
                SqlRows.parameters(universityId, userId)));
    }

    @Override
    public void erase(long universityId, long userId) {
        SqlRows.update(
                jdbc,
                "DELETE FROM student_interests WHERE university_id = ? AND user_id = ?",
                SqlRows.parameters(universityId, userId));
        snapshots.changed(universityId, userId);
    }
}
