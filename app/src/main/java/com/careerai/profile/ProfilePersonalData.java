package com.careerai.profile;

import com.careerai.platform.data.SqlRows;
import com.careerai.platform.privacy.PersonalData;
import com.careerai.platform.privacy.PersonalRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Map;

/** The career profile and saved resumes: exported whole, deleted on erasure. */
@Singleton
class ProfilePersonalData implements PersonalData {
    private final JdbcOperations jdbc;
    private final ProfileSnapshots snapshots;

    ProfilePersonalData(JdbcOperations jdbc, ProfileSnapshots snapshots) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
    }

    @Override
    public String key() {
        return "profile";
    }

    @Override
    public Part export(long universityId, long userId) {
        return Part.of(Map.of(
                "careerProfile",
                PersonalRows.json(
                        jdbc,
                        "SELECT to_jsonb(p) FROM career_profiles p WHERE university_id = ? AND user_id = ?",
                        SqlRows.parameters(universityId, userId)),
                "savedResumes",
                PersonalRows.json(
                        jdbc,
                        "SELECT to_jsonb(r) FROM saved_resumes r WHERE university_id = ? AND user_id = ? ORDER BY id",
                        SqlRows.parameters(universityId, userId))));
    }

    @Override
    public void erase(long universityId, long userId) {
        SqlRows.update(
                jdbc,
                "DELETE FROM saved_resumes WHERE university_id = ? AND user_id = ?",
                SqlRows.parameters(universityId, userId));
        SqlRows.update(
                jdbc,
                "DELETE FROM career_profiles WHERE university_id = ? AND user_id = ?",
                SqlRows.parameters(universityId, userId));
        snapshots.changed(universityId, userId);
    }
}
