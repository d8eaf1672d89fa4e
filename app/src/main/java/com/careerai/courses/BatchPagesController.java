package com.careerai.courses;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.platform.storage.ContentDisposition;
import com.careerai.platform.storage.FileStorage;
import com.careerai.platform.web.LayoutModel;
import com.careerai.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The batch page ({@code /batches/{id}}) for its active students, its instructor and staff: the
 * schedule in the viewer's zone, "Join" only while a session is joinable (the server decides; the
 * link is not on the page otherwise and {@code /sessions/{id}/join} checks again), recordings,
 * materials per session (download: {@code /materials/{id}/file}) and the attendance register.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Hidden
class BatchPagesController {
    private final BatchAccess access;
    private final BatchPage page;
    private final Sessions sessions;
    private final Materials materials;
    private final Attendance attendance;
    private final FileStorage storage;
    private final LayoutModel layout;

    BatchPagesController(
            BatchAccess access,
            BatchPage page,
            Sessions sessions,
            Materials materials,
            Attendance attendance,
            FileStorage storage,
            LayoutModel layout) {
        this.layout = layout;
        this.access = access;
        this.page = page;
        this.sessions = sessions;
        this.materials = materials;
        this.attendance = attendance;
        this.storage = storage;
    }

    @Get(value = "/batches/{id}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> batch(
            HttpRequest<?> request,
            @CurrentUser SignedInUser user,
            @PathVariable long id,
            @Nullable @QueryValue String tz,
            @Nullable @QueryValue String register,
            @Nullable @QueryValue String attendance) {
        // the batch, who may open it and all its page shows with the header's reads in one round trip (ADR 0076);
        // they were 6 round trips and 4 read transactions, and an instructor's a roster and a register more for
        // every session started. An instructor's page then reads the registers it shows, with their names
        layout.prefetchWith(request, page.reads(user, id));
        BatchAccess.Granted granted = access.require(user, id);
        // a register opened from its session, or the one just saved
        Long opened = sessionId(register != null ? register : attendance);
        return new ModelAndView<>("courses/batch", page.model(user, granted, tz, null, opened));
    }

    @Get(
            value = "/sessions/{id}/join",
            produces = {MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    HttpResponse<?> join(@CurrentUser SignedInUser user, @PathVariable long id) {
        return HttpResponse.seeOther(URI.create(sessions.joinUrl(user, id)));
    }

    @Post(
            value = "/sessions/{id}/recording",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> recording(@CurrentUser SignedInUser user, @PathVariable long id, @Body Map<String, Object> form) {
        String url = CourseForms.text(form, "url");
        try {
            long batchId = sessions.setRecording(user, id, url);
            return HttpResponse.seeOther(URI.create("/batches/" + batchId + "#session-" + id));
        } catch (CourseProblem e) {
            return again(user, id, e, "recording", Map.of("url", "recordingUrl"), Map.of("recordingUrl", url));
        }
    }

    @Post(value = "/sessions/{id}/materials", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> addMaterial(
            @CurrentUser SignedInUser user,
            @PathVariable long id,
            @Nullable @Part("title") String title,
            @Nullable @Part("url") String url,
            @Nullable @Part("file") CompletedFileUpload file) {
        try {
            long batchId = materials.addToSession(user, id, title, url, AssignmentsApiController.upload(file));
            return HttpResponse.seeOther(URI.create("/batches/" + batchId + "?added=" + id + "#session-" + id));
        } catch (ProblemException e) {
            return again(
                    user,
                    id,
                    e,
                    "material",
                    Map.of("title", "materialTitle", "url", "materialUrl", "file", "materialFile"),
                    Map.of("materialTitle", title == null ? "" : title, "materialUrl", url == null ? "" : url));
        }
    }

    @Post(
            value = "/sessions/{id}/attendance",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> markAttendance(
            @CurrentUser SignedInUser user, @PathVariable long id, @Body Map<String, Object> form) {
        Set<Long> present = new HashSet<>();
        form.forEach((name, value) -> {
            if (name.startsWith("present-")) {
                try {
                    present.add(Long.parseLong(name.substring("present-".length())));
                } catch (NumberFormatException e) {
                    // not a student's box: ignored like any unknown field
                }
            }
        });
        try {
            long batchId = attendance.mark(user, id, present);
            return HttpResponse.seeOther(URI.create("/batches/" + batchId + "?attendance=" + id + "#session-" + id));
        } catch (CourseProblem e) {
            return again(user, id, e, "attendance", Map.of(), Map.of());
        }
    }

    @Post(
            value = "/materials/{id}/remove",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> removeMaterial(@CurrentUser SignedInUser user, @PathVariable long id) {
        return HttpResponse.seeOther(URI.create(materials.remove(user, id)));
    }

    @Get(
            value = "/materials/{id}/file",
            produces = {MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_HTML})
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> file(@CurrentUser SignedInUser user, @PathVariable long id) {
        Material material = materials.visible(user, id);
        if (!material.isFile()) {
            throw Materials.notFound();
        }
        StreamedFile file = new StreamedFile(
                storage.open(material.fileKey()),
                MediaType.of(material.fileType()),
                material.createdAt().toEpochMilli(),
                material.fileSize() == null ? -1 : material.fileSize());
        return HttpResponse.ok(file)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment(material.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("Content-Security-Policy", "default-src 'none'; sandbox");
    }

    /**
     * A session's form refused with 422: the batch page again, the messages beside that session's
     * fields ({@code fields} renames the service's field names to the page's). Other refusals pass on.
     */
    /** A session id from a query's value; anything else opens nothing. */
    @Nullable
    private static Long sessionId(@Nullable String value) {
        try {
            return value == null ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private HttpResponse<?> again(
            SignedInUser user,
            long sessionId,
            ProblemException e,
            String form,
            Map<String, String> fields,
            Map<String, String> values) {
        if (e.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
            throw e;
        }
        Map<String, String> errors = new HashMap<>();
        e.fields().forEach((field, message) -> errors.put(fields.getOrDefault(field, form), message));
        if (errors.isEmpty()) {
            errors.put(form, e.getMessage());
        }
        BatchAccess.SessionGranted granted = access.session(user, sessionId);
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new ModelAndView<>(
                        "courses/batch",
                        page.model(
                                user,
                                granted.granted(),
                                null,
                                new BatchPage.SessionError(sessionId, form, errors, values),
                                null)));
    }
}
