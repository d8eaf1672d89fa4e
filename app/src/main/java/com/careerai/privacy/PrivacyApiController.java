package com.careerai.privacy;

import com.careerai.auth.ClientAddresses;
import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.tenancy.CurrentUniversity;
import com.careerai.tenancy.University;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;

/** The signed-in person's own data: exports (the zip) and account deletion, as JSON. */
@Controller("/api/v1/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Privacy")
class PrivacyApiController {
    private final DataExports exports;
    private final AccountDeletions deletions;
    private final ExportDownloads downloads;
    private final ClientAddresses addresses;

    PrivacyApiController(
            DataExports exports, AccountDeletions deletions, ExportDownloads downloads, ClientAddresses addresses) {
        this.exports = exports;
        this.deletions = deletions;
        this.downloads = downloads;
        this.addresses = addresses;
    }

    /** An export as the API shows it; {@code downloadUrl} only when READY. */
    @Serdeable
    record ExportView(UUID id, String status, int percent, @Nullable String downloadUrl, @Nullable Instant expiresAt) {
        static ExportView of(DataExport export) {
            boolean ready = export.status() == DataExport.Status.READY;
            return new ExportView(
                    export.id(),
                    export.status().name(),
                    export.percent(),
                    ready ? "/api/v1/me/data-exports/" + export.id() + "/download" : null,
                    ready ? export.expiresAt() : null);
        }
    }

    @Serdeable
    record DeletionView(String status, @Nullable Instant eraseAt, @Nullable String message) {}

    @Serdeable
    record CodeBody(@Nullable String code) {}

    @Post("/data-exports")
    @Status(HttpStatus.ACCEPTED)
    @Operation(summary = "Start building a zip of everything about me (PENDING until READY, kept 7 days)")
    @ApiResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = ExportView.class)))
    ExportView export(@CurrentUser SignedInUser user) {
        return ExportView.of(exports.request(user.universityId(), user.userId(), user.userId()));
    }

    @Get("/data-exports/{id}")
    @Operation(summary = "An export's status: PENDING, READY (with downloadUrl) or EXPIRED")
    @ApiResponse(responseCode = "404", description = "export_not_found")
    ExportView exportStatus(@CurrentUser SignedInUser user, @PathVariable UUID id) {
        return ExportView.of(exports.of(user.universityId(), user.userId(), id));
    }

    @Get(
            value = "/data-exports/{id}/download",
            produces = {"application/zip", MediaType.APPLICATION_JSON})
    @Operation(summary = "The export's zip, while READY")
    @ApiResponse(responseCode = "404", description = "export_not_found")
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> download(@CurrentUser SignedInUser user, @PathVariable UUID id) {
        return downloads.deliver(exports.of(user.universityId(), user.userId(), id));
    }

    @Post("/deletion")
    @Status(HttpStatus.ACCEPTED)
    @Operation(summary = "Ask to delete my account: a confirmation code is emailed to me")
    @ApiResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = DeletionView.class)))
    @ApiResponse(responseCode = "409", description = "deletion_scheduled")
    @ApiResponse(responseCode = "429", description = "rate_limited")
    DeletionView requestDeletion(
            HttpRequest<?> request, @CurrentUniversity University university, @CurrentUser SignedInUser user) {
        deletions.request(university, user.userId(), user.email(), addresses.of(request));
        return new DeletionView("AWAITING_CODE", null, "We emailed a code to " + user.email() + ".");
    }

    @Post("/deletion/confirm")
    @Operation(summary = "Confirm the deletion with the emailed code; answers the erasure date (30 days on)")
    @ApiResponse(responseCode = "401", description = "invalid_code (wrong, expired or used code)")
    @ApiResponse(responseCode = "409", description = "no_deletion_pending")
    @ApiResponse(responseCode = "422", description = "invalid_input (no code)")
    @ApiResponse(responseCode = "429", description = "rate_limited")
    DeletionView confirmDeletion(
            HttpRequest<?> request,
            @CurrentUniversity University university,
            @CurrentUser SignedInUser user,
            @Body CodeBody body) {
        Instant eraseAt =
                deletions.confirm(university, user.userId(), user.email(), body.code(), addresses.of(request));
        return new DeletionView("SCHEDULED", eraseAt, "Your account will be erased on this date unless you cancel.");
    }

    @Delete("/deletion")
    @Operation(summary = "Cancel my account deletion during the grace period")
    @ApiResponse(responseCode = "409", description = "no_deletion_pending")
    DeletionView cancelDeletion(@CurrentUser SignedInUser user) {
        deletions.cancel(user.universityId(), user.userId(), user.userId());
        return new DeletionView("CANCELLED", null, "Your account will not be deleted.");
    }
}
