package com.careerai.resources;

import com.careerai.platform.data.SqlRows;
import com.careerai.platform.privacy.PersonalData;
import com.careerai.platform.privacy.PersonalRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * Resources: the person's downloads (deleted on erasure) and what they uploaded (exported with its
 * files; on erasure the library keeps the item, the uploader's name is replaced).
 */
@Singleton
class ResourcesPersonalData implements PersonalData {
    private final JdbcOperations jdbc;

    ResourcesPersonalData(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "resources";
    }

    @Override
    public Part export(long universityId, long userId) {
        List<File> files = SqlRows.list(
                jdbc,
                "SELECT storage_key, file_name, content_type FROM resources"
                        + " WHERE university_id = ? AND uploader_id = ? AND storage_key IS NOT NULL",
                SqlRows.parameters(universityId, userId),
                row -> new File(row.getString(1), row.getString(2), row.getString(3)));
        return new Part(
                Map.of(
                        "downloads",
                        PersonalRows.json(
                                jdbc,
                                "SELECT jsonb_build_object('resource', r.title, 'downloadedAt', d.downloaded_at)"
                                        + " FROM resource_downloads d JOIN resources r"
                                        + " ON r.university_id = d.university_id AND r.id = d.resource_id"
                                        + " WHERE d.university_id = ? AND d.user_id = ? ORDER BY d.downloaded_at",
                                SqlRows.parameters(universityId, userId)),
                        "uploads",
                        PersonalRows.json(
                                jdbc,
                                "SELECT to_jsonb(r) - 'search' FROM resources r WHERE university_id = ? AND uploader_id = ?",
                                SqlRows.parameters(universityId, userId))),
                files);
    }

    @Override
    public void erase(long universityId, long userId) {
        SqlRows.update(
                jdbc,
                "DELETE FROM resource_downloads WHERE university_id = ? AND user_id = ?",
                SqlRows.parameters(universityId, userId));
        SqlRows.update(
                jdbc,
                "UPDATE resources SET uploader_name = ? WHERE university_id = ? AND uploader_id = ?",
                SqlRows.parameters(PersonalRows.ERASED, universityId, userId));
    }
}
