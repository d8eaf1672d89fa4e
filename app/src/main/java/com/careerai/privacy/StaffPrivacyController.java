package com.careerai.privacy;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.web.ViewerZones;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /staff/students/{id}/privacy}: staff export or erase a student's data on the student's
 * request (each audited). Erasure by staff has no grace: the student asked for it.
 */
@Controller("/staff/students/{id}/privacy")
@Secured("STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class StaffPrivacyController {
    private static final String VIEW = "privacy/staff";

    private final UserAccounts users;
    private final DataExports exports;
    private final AccountDeletions deletions;
    private final ExportDownloads downloads;
    private final AuditLog auditLog;
    private final ViewerZones zones;

    StaffPrivacyController(
            UserAccounts users,
            DataExports exports,
            AccountDeletions deletions,
            ExportDownloads downloads,
            AuditLog auditLog,
            ViewerZones zones) {
        this.users = users;
        this.exports = exports;
        this.deletions = deletions;
        this.downloads = downloads;
        this.auditLog = auditLog;
        this.zones = zones;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> show(
            @CurrentUser SignedInUser staff, @PathVariable long id, @Nullable @QueryValue String done) {
        return new ModelAndView<>(VIEW, model(staff, student(staff, id), done, Map.of()));
    }

    @Post(value = "/exports", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> export(@CurrentUser SignedInUser staff, @PathVariable long id) {
        User student = student(staff, id);
        DataExport export = exports.request(staff.universityId(), student.id(), staff.userId());
        auditLog.record(
                staff.universityId(),
                "user:" + staff.userId(),
                "privacy.export.requested",
                Map.of("user", student.id(), "export", export.id().toString()));
        return HttpResponse.seeOther(URI.create("/staff/students/" + id + "/privacy?done=export"));
    }

    @Get(
            value = "/exports/{exportId}/download",
            produces = {"application/zip", MediaType.TEXT_HTML})
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> download(@CurrentUser SignedInUser staff, @PathVariable long id, @PathVariable UUID exportId) {
        User student = student(staff, id);
        return downloads.deliver(exports.of(staff.universityId(), student.id(), exportId));
    }

    @Post(value = "/erasure", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> erase(@CurrentUser SignedInUser staff, @PathVariable long id, @Body Map<String, Object> form) {
        User student = student(staff, id);
        Object typed = form.get("confirmEmail");
        if (!(typed instanceof String text) || !text.strip().equalsIgnoreCase(student.email())) {
            String message = "Type the student's email address to confirm the erasure.";
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>(VIEW, model(staff, student, null, Map.of("confirmEmail", message))));
        }
        deletions.eraseByStaff(staff.universityId(), staff.userId(), student.id());
        return HttpResponse.seeOther(URI.create("/staff/students/" + id + "/privacy?done=erasure"));
    }

    private User student(SignedInUser staff, long id) {
        return users.find(staff.universityId(), id)
                .filter(user -> user.role() == Role.STUDENT)
                .orElseThrow(PrivacyException::studentNotFound);
    }

    private Map<String, Object> model(
            SignedInUser staff, User student, @Nullable String done, Map<String, String> errors) {
        ZoneId zone = zones.zoneOf(staff.universityId(), staff.userId());
        Map<String, Object> model = new HashMap<>();
        model.put("student", Map.of("id", student.id(), "name", student.displayName(), "email", student.email()));
        model.put("errors", errors);
        if ("export".equals(done)) {
            model.put("notice", "The export is being built; it appears below when ready.");
        } else if ("erasure".equals(done)) {
            model.put("notice", "The erasure is under way.");
        }
        model.put(
                "exports",
                exports.recent(staff.universityId(), student.id()).stream()
                        .map(export -> PrivacyPagesController.exportRow(export, zone))
                        .toList());
        deletions
                .of(staff.universityId(), student.id())
                .ifPresent(deletion -> model.put("deletion", deletion.status().name()));
        return model;
    }
}
