package com.careerai.resources;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL of resources, their interest tags, downloads and the approval setting; every statement names the university. */
@Singleton
class ResourceStore {
    private static final String COLUMNS = "r.university_id, r.id, r.uploader_id, r.uploader_name, r.title,"
            + " r.description, r.kind, r.access, r.status, r.url, r.storage_key, r.content_type, r.file_size,"
            + " r.file_name, r.rejection_reason, r.downloads, r.created_at";

    /** A resource's tags' ids, ascending, as a column of the select list. */
    private static final String TAG_IDS = "ARRAY(SELECT t.interest_id FROM resource_interests t"
            + " WHERE t.university_id = r.university_id AND t.resource_id = r.id ORDER BY t.interest_id)"
            + " AS interest_ids";

    private final JdbcOperations jdbc;

    ResourceStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** What a new row holds. */
    record NewRow(
            long uploaderId,
            String uploaderName,
            String title,
            String description,
            ResourceKind kind,
            ResourceAccess access,
            ResourceStatus status,
            @Nullable String url,
            @Nullable String storageKey,
            @Nullable String contentType,
            @Nullable Long fileSize,
            @Nullable String fileName) {}

    long insert(long universityId, NewRow row) {
        return SqlRows.single(
                jdbc,
                "INSERT INTO resources (university_id, uploader_id, uploader_name, title, description, kind, access,"
                        + " status, url, storage_key, content_type, file_size, file_name)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                bind(
                        universityId,
                        row.uploaderId(),
                        row.uploaderName(),
                        row.title(),
                        row.description(),
                        row.kind(),
                        row.access(),
                        row.status(),
                        row.url(),
                        row.storageKey(),
                        row.contentType(),
                        row.fileSize(),
                        row.fileName()),
                result -> result.getLong(1));
    }

    void tag(long universityId, long resourceId, Collection<Long> interestIds) {
        SqlRows.update(
                jdbc,
                "INSERT INTO resource_interests (university_id, resource_id, interest_id)"
                        + " SELECT ?, ?, unnest(?::bigint[]) ON CONFLICT DO NOTHING",
                bind(universityId, resourceId, List.copyOf(interestIds)));
    }

    Optional<Resource> find(long universityId, long id) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + COLUMNS + " FROM resources r WHERE r.university_id = ? AND r.id = ?",
                bind(universityId, id),
                ResourceStore::resource);
    }

    /** Filters of the library; null or blank means "any". */
    record Filter(@Nullable Long interestId, @Nullable ResourceKind kind, @Nullable String query) {
        boolean searching() {
            return query != null && !query.isBlank();
        }
    }

    /**
     * One page of approved resources, each with its tags' ids: best match first when searching, else
     * newest first. The tags' array is a subquery of the select list, worked out for the rows returned
     * only, on the primary key of resource_interests (as {@link #recommended}'s), so the library reads
     * its page in the one round trip it sends (ADR 0076).
     */
    PageRead<List<Tagged>> approvedRead(long universityId, Filter filter, int limit, long offset) {
        List<Object> parameters = new ArrayList<>();
        String rank = "0";
        if (filter.searching()) {
            rank = "ts_rank_cd(r.search, websearch_to_tsquery('english', ?))";
            parameters.add(filter.query());
        }
        parameters.add(universityId);
        String where = where(filter, parameters);
        return PageRead.list(
                "resources.approved:" + universityId + ":" + filter + ":" + limit + ":" + offset,
                "SELECT " + COLUMNS + ", " + rank + " AS rank, " + TAG_IDS
                        + " FROM resources r WHERE r.university_id = ? AND r.status = 'APPROVED'" + where
                        + " ORDER BY rank DESC, r.created_at DESC, r.id DESC" + SqlRows.limit(limit, offset),
                bind(parameters.toArray()),
                ResourceStore::tagged);
    }

    /** How many approved resources the filter finds, as a page's read. */
    PageRead<Long> countApprovedRead(long universityId, Filter filter) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(universityId);
        String where = where(filter, parameters);
        return PageRead.single(
                "resources.count:" + universityId + ":" + filter,
                "SELECT count(*) FROM resources r WHERE r.university_id = ? AND r.status = 'APPROVED'" + where,
                bind(parameters.toArray()),
                row -> row.getLong(1));
    }

    private static String where(Filter filter, List<Object> parameters) {
        StringBuilder where = new StringBuilder();
        if (filter.interestId() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM resource_interests ri WHERE ri.university_id = r.university_id"
                    + " AND ri.resource_id = r.id AND ri.interest_id = ?)");
            parameters.add(filter.interestId());
        }
        if (filter.kind() != null) {
            where.append(" AND r.kind = ?");
            parameters.add(filter.kind());
        }
        if (filter.searching()) {
            where.append(" AND r.search @@ websearch_to_tsquery('english', ?)");
            parameters.add(filter.query());
        }
        return where.toString();
    }

    /** A recommended resource and the ids of every interest it is tagged with, ascending. */
    record Tagged(Resource resource, List<Long> interestIds) {}

    /**
     * Approved resources tagged with any of the interests: those shared in the last two weeks
     * first, then older ones, each group most downloaded first, then newest; each with all its
     * tags, in one statement. The tags' array is a subquery of the select list, which PostgreSQL
     * works out after the sort and limit (only for the rows returned), on the primary key of
     * resource_interests. The interests' array and the limit are written so that the statement keeps
     * one plan (ADR 0050, 0071).
     */
    PageRead<List<Tagged>> recommended(long universityId, Collection<Long> interestIds, int limit) {
        return PageRead.list(
                "resources.recommended:" + universityId + ":" + interestIds + ":" + limit,
                "SELECT " + COLUMNS + ", " + TAG_IDS
                        + " FROM resources r WHERE r.university_id = ? AND r.status = 'APPROVED'"
                        + " AND EXISTS (SELECT 1 FROM resource_interests ri WHERE ri.university_id = r.university_id"
                        + " AND ri.resource_id = r.id AND ri.interest_id = ANY(" + SqlRows.BIGINT_ARRAY + "))"
                        + " ORDER BY (r.created_at > now() - interval '14 days') DESC, r.downloads DESC,"
                        + " r.created_at DESC, r.id DESC" + SqlRows.limit(limit, 0),
                bind(universityId, List.copyOf(interestIds)),
                ResourceStore::tagged);
    }

    private static Tagged tagged(ResultSet row) throws SQLException {
        return new Tagged(
                resource(row), List.of((Long[]) row.getArray("interest_ids").getArray()));
    }

    /** One resource of the university with its tags' ids, as a page's read (ADR 0076). */
    static PageRead<Optional<Tagged>> findTaggedRead(long universityId, long id) {
        return PageRead.optional(
                "resources.tagged:" + universityId + ":" + id,
                "SELECT " + COLUMNS + ", " + TAG_IDS + " FROM resources r WHERE r.university_id = ? AND r.id = ?",
                bind(universityId, id),
                ResourceStore::tagged);
    }

    /** The oldest {@code limit} resources of a status with their tags' ids, as a page's read (ADR 0076). */
    static PageRead<List<Tagged>> byStatusRead(long universityId, ResourceStatus status, int limit) {
        return PageRead.list(
                "resources.by-status:" + universityId + ":" + status + ":" + limit,
                "SELECT " + COLUMNS + ", " + TAG_IDS + " FROM resources r WHERE r.university_id = ? AND r.status = ?"
                        + " ORDER BY r.created_at, r.id LIMIT ?",
                bind(universityId, status, limit),
                ResourceStore::tagged);
    }

    /** The newest {@code limit} resources someone shared, with their tags' ids, as a page's read (ADR 0076). */
    static PageRead<List<Tagged>> ofUploaderRead(long universityId, long uploaderId, int limit) {
        return PageRead.list(
                "resources.of-uploader:" + universityId + ":" + uploaderId + ":" + limit,
                "SELECT " + COLUMNS + ", " + TAG_IDS
                        + " FROM resources r WHERE r.university_id = ? AND r.uploader_id = ?"
                        + " ORDER BY r.created_at DESC, r.id DESC LIMIT ?",
                bind(universityId, uploaderId, limit),
                ResourceStore::tagged);
    }

    /** Interest ids per resource, for a page of resources. */
    Map<Long, List<Long>> interestIds(long universityId, Collection<Long> resourceIds) {
        Map<Long, List<Long>> tags = new LinkedHashMap<>();
        if (resourceIds.isEmpty()) {
            return tags;
        }
        SqlRows.list(
                        jdbc,
                        "SELECT resource_id, interest_id FROM resource_interests"
                                + " WHERE university_id = ? AND resource_id = ANY(" + SqlRows.BIGINT_ARRAY + ")",
                        bind(universityId, List.copyOf(resourceIds)),
                        row -> Map.entry(row.getLong(1), row.getLong(2)))
                .forEach(tag -> tags.computeIfAbsent(tag.getKey(), id -> new ArrayList<>())
                        .add(tag.getValue()));
        return tags;
    }

    /** Moves a PENDING resource to a decision; false when it was not pending any more. */
    boolean decide(long universityId, long id, ResourceStatus decision, @Nullable String reason, long reviewerId) {
        return SqlRows.update(
                        jdbc,
                        "UPDATE resources SET status = ?, rejection_reason = ?, reviewed_by = ?, reviewed_at = now()"
                                + " WHERE university_id = ? AND id = ? AND status = 'PENDING'",
                        bind(decision, reason, reviewerId, universityId, id))
                == 1;
    }

    void recordDownload(long universityId, long resourceId, long userId) {
        SqlRows.update(
                jdbc,
                "INSERT INTO resource_downloads (university_id, resource_id, user_id) VALUES (?, ?, ?)",
                bind(universityId, resourceId, userId));
        SqlRows.update(
                jdbc,
                "UPDATE resources SET downloads = downloads + 1 WHERE university_id = ? AND id = ?",
                bind(universityId, resourceId));
    }

    long downloadsRecorded(long universityId, long resourceId) {
        return SqlRows.single(
                jdbc,
                "SELECT count(*) FROM resource_downloads WHERE university_id = ? AND resource_id = ?",
                bind(universityId, resourceId),
                row -> row.getLong(1));
    }

    boolean requiresApproval(long universityId) {
        return requiresApprovalRead(universityId).runOn(jdbc);
    }

    /** {@link #requiresApproval}, as a page's read (ADR 0076). */
    static PageRead<Boolean> requiresApprovalRead(long universityId) {
        return PageRead.optional(
                        "resources.requires-approval:" + universityId,
                        "SELECT require_approval FROM resource_settings WHERE university_id = ?",
                        bind(universityId),
                        row -> row.getBoolean(1))
                .map(found -> found.orElse(true));
    }

    void setRequiresApproval(long universityId, boolean required, long staffId) {
        SqlRows.update(
                jdbc,
                "INSERT INTO resource_settings (university_id, require_approval, changed_by) VALUES (?, ?, ?)"
                        + " ON CONFLICT (university_id) DO UPDATE SET require_approval = EXCLUDED.require_approval,"
                        + " changed_by = EXCLUDED.changed_by, changed_at = now()",
                bind(universityId, required, staffId));
    }

    long countWithTitle(long universityId, String title) {
        return SqlRows.single(
                jdbc,
                "SELECT count(*) FROM resources WHERE university_id = ? AND title = ?",
                bind(universityId, title),
                row -> row.getLong(1));
    }

    private static SqlRows.Binder bind(Object... values) {
        return statement -> {
            for (int i = 0; i < values.length; i++) {
                set(statement, i + 1, values[i]);
            }
        };
    }

    private static void set(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Enum<?> constant) {
            statement.setString(index, constant.name());
        } else if (value instanceof Collection<?> ids) {
            statement.setArray(index, statement.getConnection().createArrayOf("bigint", ids.toArray()));
        } else {
            statement.setObject(index, value);
        }
    }

    private static Resource resource(ResultSet row) throws SQLException {
        long size = row.getLong("file_size");
        Long fileSize = row.wasNull() ? null : size;
        return new Resource(
                row.getLong("university_id"),
                row.getLong("id"),
                row.getLong("uploader_id"),
                row.getString("uploader_name"),
                row.getString("title"),
                row.getString("description"),
                ResourceKind.valueOf(row.getString("kind")),
                ResourceAccess.valueOf(row.getString("access")),
                ResourceStatus.valueOf(row.getString("status")),
                row.getString("url"),
                row.getString("storage_key"),
                row.getString("content_type"),
                fileSize,
                row.getString("file_name"),
                row.getString("rejection_reason"),
                row.getLong("downloads"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                List.of());
    }
}
