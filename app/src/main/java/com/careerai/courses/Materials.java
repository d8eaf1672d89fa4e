package com.careerai.courses;

import com.careerai.auth.SignedInUser;
import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.storage.FileStorage;
import com.careerai.platform.web.PageReads;
import com.careerai.resources.UploadInspector;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Materials the instructor (or staff) adds after a session, and attachments of an assignment: a
 * link, or a file inspected like a resource upload ({@link UploadInspector}) and kept in storage area
 * {@code materials}. Only the batch's ACTIVE students, its instructor and staff see or download
 * them; anyone else — another university's people included — gets 404.
 */
@Singleton
class Materials {
    static final String STORAGE_AREA = "materials";
    static final int MAX_TITLE = 200;

    private final MaterialStore store;
    private final AssignmentStore assignments;
    private final BatchAccess access;
    private final UploadInspector inspector;
    private final FileStorage storage;
    private final AuditLog audit;
    private final PageReads reads;

    Materials(
            MaterialStore store,
            AssignmentStore assignments,
            BatchAccess access,
            UploadInspector inspector,
            FileStorage storage,
            AuditLog audit,
            PageReads reads) {
        this.store = store;
        this.assignments = assignments;
        this.access = access;
        this.inspector = inspector;
        this.storage = storage;
        this.audit = audit;
        this.reads = reads;
    }

    /** Adds a material to a session of a batch the user teaches. Returns the batch id. */
    @Transactional
    long addToSession(
            SignedInUser user,
            long sessionId,
            @Nullable String title,
            @Nullable String url,
            @Nullable Assignments.Upload upload) {
        BatchAccess.SessionGranted granted = access.session(user, sessionId);
        requireTeacher(granted.granted());
        long batchId = granted.session().batchId();
        add(user, new MaterialStore.Target(batchId, sessionId, null), title, url, upload);
        return batchId;
    }

    /** Adds an attachment to an assignment of a batch the user teaches. */
    @Transactional
    void addToAssignment(
            SignedInUser user,
            long assignmentId,
            @Nullable String title,
            @Nullable String url,
            @Nullable Assignments.Upload upload) {
        Assignment assignment =
                assignments.assignment(user.universityId(), assignmentId).orElseThrow(Assignments::notFound);
        requireTeacher(access.require(user, assignment.batchId()));
        add(user, new MaterialStore.Target(assignment.batchId(), null, assignmentId), title, url, upload);
    }

    private void add(
            SignedInUser user,
            MaterialStore.Target target,
            @Nullable String title,
            @Nullable String url,
            @Nullable Assignments.Upload upload) {
        String link = url == null ? "" : url.strip();
        boolean hasFile = upload != null && upload.content().length > 0;
        String name = title == null ? "" : title.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (link.isEmpty() && !hasFile) {
            errors.put("url", "Give a link or choose a file.");
        } else if (!link.isEmpty() && hasFile) {
            errors.put("url", "Add the link and the file one at a time.");
        } else if (!link.isEmpty() && !Sessions.webLink(link)) {
            errors.put("url", "Give a web address starting with https://");
        }
        if (name.length() > MAX_TITLE) {
            errors.put("title", "Keep the title under " + MAX_TITLE + " characters.");
        }
        if (!errors.isEmpty()) {
            throw CourseProblem.invalid(errors);
        }
        AssignmentStore.StoredFile file = null;
        if (hasFile) {
            UploadInspector.Inspected inspected = inspector.inspect(upload.fileName(), upload.content());
            String key = storage.put(user.universityId(), STORAGE_AREA, inspected.content(), inspected.contentType());
            file = new AssignmentStore.StoredFile(
                    key,
                    Assignments.fileName(upload.fileName(), inspected.extension()),
                    inspected.contentType(),
                    inspected.content().length);
        }
        if (name.isEmpty()) {
            name = file != null ? file.name() : URI.create(link).getHost();
        }
        try {
            long id = store.insert(user.universityId(), target, name, file == null ? link : null, file, user.userId());
            audit.record(
                    user.universityId(),
                    Courses.actor(user),
                    "courses.material.added",
                    Map.of("material", id, "batch", target.batchId(), "title", name));
        } catch (RuntimeException e) {
            if (file != null) {
                storage.delete(file.key()); // no file without its row
            }
            throw e;
        }
    }

    /** Removes a material of a batch the user teaches. Returns where to go back to. */
    @Transactional
    String remove(SignedInUser user, long materialId) {
        Material material = visible(user, materialId);
        requireTeacher(access.require(user, material.batchId()));
        store.delete(user.universityId(), materialId);
        if (material.fileKey() != null) {
            storage.delete(material.fileKey());
        }
        audit.record(
                user.universityId(),
                Courses.actor(user),
                "courses.material.removed",
                Map.of("material", materialId, "batch", material.batchId()));
        return material.assignmentId() != null
                ? "/assignments/" + material.assignmentId() + "#attachments"
                : "/batches/" + material.batchId() + "#session-" + material.sessionId();
    }

    /** A material the user may open: of a batch they are an ACTIVE student of, teach, or staff; else 404. */
    @Transactional(readOnly = true)
    Material visible(SignedInUser user, long materialId) {
        Material material = store.find(user.universityId(), materialId).orElseThrow(Materials::notFound);
        try {
            access.require(user, material.batchId());
        } catch (CourseProblem e) {
            throw notFound(); // not enrolled: the material does not exist for them
        }
        return material;
    }

    /** The batch's session materials by session id; the caller has checked access to the batch. */
    Map<Long, List<Material>> ofSessions(long universityId, long batchId) {
        Map<Long, List<Material>> bySession = new LinkedHashMap<>();
        for (Material material : reads.read(MaterialStore.ofBatchRead(universityId, batchId))) {
            if (material.sessionId() != null) {
                bySession
                        .computeIfAbsent(material.sessionId(), id -> new java.util.ArrayList<>())
                        .add(material);
            }
        }
        return bySession;
    }

    /** An assignment's attachments; the caller has checked access to its batch. */
    List<Material> ofAssignment(long universityId, Assignment assignment) {
        return reads.read(MaterialStore.ofAssignmentRead(universityId, assignment.id()));
    }

    /** How a material shows on a page. */
    static Map<String, Object> view(Material material) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", material.id());
        row.put("title", material.title());
        row.put("href", material.href());
        row.put("file", material.isFile());
        row.put("fileName", material.fileName());
        return row;
    }

    private static void requireTeacher(BatchAccess.Granted granted) {
        if (!granted.teaches()) {
            throw new CourseProblem(
                    HttpStatus.FORBIDDEN, "instructor_only", "Only the batch's instructor and staff add materials.");
        }
    }

    static CourseProblem notFound() {
        return new CourseProblem(HttpStatus.NOT_FOUND, "not_found", "There is no such material.");
    }
}
