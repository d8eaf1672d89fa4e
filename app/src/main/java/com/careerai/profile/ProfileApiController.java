package com.careerai.profile;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;

/** The signed-in person's career profile and saved resumes. Errors: {@code {"error","message","fields"}}. */
@Controller("/api/v1/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Profile")
class ProfileApiController {
    /** The profile as the API writes it; blank or missing fields are cleared. */
    @Serdeable
    record ProfileBody(
            @Nullable String name,
            @Nullable String programme,
            @Nullable Integer graduationYear,
            @Nullable List<String> targetRoles,
            @Nullable List<String> targetLocations,
            @Nullable String linkedinUrl,
            @Nullable String portfolioUrl,
            @Nullable String timeZone) {}

    /** The profile as read, with the zone dates are written in ({@code timeZone}, else the university's). */
    @Serdeable
    record ProfileView(CareerProfile profile, String effectiveTimeZone) {}

    /** A resume as the API lists it (the text only in the single answer, to keep lists short). */
    @Serdeable
    record ResumeSummary(long id, String name, boolean isDefault, int characters, String createdAt, String updatedAt) {
        static ResumeSummary of(SavedResume resume) {
            return new ResumeSummary(
                    resume.id(),
                    resume.name(),
                    resume.isDefault(),
                    resume.text().length(),
                    resume.createdAt().toString(),
                    resume.updatedAt().toString());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ResumeList(List<ResumeSummary> resumes, int max) {}

    @Serdeable
    record NewResume(@Nullable String name, @Nullable String text, @Nullable Boolean isDefault) {}

    @Serdeable
    record ResumeChange(@Nullable String name, @Nullable String text, @Nullable Boolean isDefault) {}

    private final CareerProfiles profiles;
    private final SavedResumes resumes;

    ProfileApiController(CareerProfiles profiles, SavedResumes resumes) {
        this.profiles = profiles;
        this.resumes = resumes;
    }

    @Get("/profile")
    @Operation(summary = "My career profile")
    ProfileView profile(@CurrentUser SignedInUser user) {
        return view(user, profiles.of(user.universityId(), user.userId()));
    }

    @Put("/profile")
    @Operation(
            summary = "Replace my career profile (links http/https only; timeZone an IANA region id or null for the"
                    + " university's)")
    @ApiResponse(responseCode = "422", description = "invalid_input, a message per field")
    ProfileView saveProfile(@CurrentUser SignedInUser user, @Body ProfileBody body) {
        try {
            return view(
                    user,
                    profiles.save(
                            user.universityId(),
                            user.userId(),
                            new ProfileInput(
                                    body.name(),
                                    body.programme(),
                                    body.graduationYear() == null ? null : String.valueOf(body.graduationYear()),
                                    body.targetRoles(),
                                    body.targetLocations(),
                                    body.linkedinUrl(),
                                    body.portfolioUrl(),
                                    body.timeZone())));
        } catch (ProfileException e) {
            throw new ProfileProblem(e);
        }
    }

    @Get("/resumes")
    @Operation(
            summary = "My saved resumes, the default first (names and sizes; the text comes with POST and PUT answers)")
    ResumeList list(@CurrentUser SignedInUser user) {
        return new ResumeList(
                resumes.of(user.universityId(), user.userId()).stream()
                        .map(ResumeSummary::of)
                        .toList(),
                SavedResumes.MAX_RESUMES);
    }

    @Post("/resumes")
    @Status(HttpStatus.CREATED)
    @Operation(
            summary = "Save a resume (text pasted, or a PDF's text from POST /api/v1/tools/resume-text); the first"
                    + " saved becomes the default")
    @ApiResponse(responseCode = "201", description = "the saved resume, with its text")
    @ApiResponse(responseCode = "422", description = "invalid_input (name, text), or ten saved already")
    HttpResponse<SavedResume> add(@CurrentUser SignedInUser user, @Body NewResume body) {
        try {
            SavedResume saved = resumes.add(
                    user.universityId(),
                    user.userId(),
                    body.name(),
                    body.text(),
                    Boolean.TRUE.equals(body.isDefault()));
            return HttpResponse.created(saved, URI.create("/api/v1/me/resumes/" + saved.id()));
        } catch (ProfileException e) {
            throw new ProfileProblem(e);
        }
    }

    @Put("/resumes/{id}")
    @Operation(summary = "Rename a saved resume, replace its text, or make it the default (fields left out stay)")
    @ApiResponse(responseCode = "404", description = "not one of my resumes")
    @ApiResponse(responseCode = "422", description = "invalid_input (name, text)")
    SavedResume change(@CurrentUser SignedInUser user, @PathVariable long id, @Body ResumeChange body) {
        try {
            return resumes.update(user.universityId(), user.userId(), id, body.name(), body.text(), body.isDefault());
        } catch (ProfileException e) {
            throw new ProfileProblem(e);
        }
    }

    @Delete("/resumes/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a saved resume (when it was the default, the newest left becomes the default)")
    @ApiResponse(responseCode = "404", description = "not one of my resumes")
    void delete(@CurrentUser SignedInUser user, @PathVariable long id) {
        resumes.delete(user.universityId(), user.userId(), id);
    }

    private ProfileView view(SignedInUser user, CareerProfile profile) {
        return new ProfileView(
                profile, profiles.zoneOf(user.universityId(), user.userId()).getId());
    }
}
