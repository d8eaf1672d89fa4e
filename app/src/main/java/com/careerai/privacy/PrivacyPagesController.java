package com.careerai.privacy;

import com.careerai.auth.ClientAddresses;
import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignInException;
import com.careerai.auth.SignedInUser;
import com.careerai.platform.web.Dates;
import com.careerai.platform.web.ViewerZones;
import com.careerai.tenancy.CurrentUniversity;
import com.careerai.tenancy.University;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /profile/privacy}: "Download my data" (progress followed by {@code /static/privacy.js})
 * and "Delete my account" (emailed code, 30-day grace, cancel).
 */
@Controller("/profile/privacy")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class PrivacyPagesController {
    private static final String VIEW = "privacy/privacy";

    private final DataExports exports;
    private final AccountDeletions deletions;
    private final ClientAddresses addresses;
    private final ViewerZones zones;

    PrivacyPagesController(
            DataExports exports, AccountDeletions deletions, ClientAddresses addresses, ViewerZones zones) {
        this.exports = exports;
        this.deletions = deletions;
        this.addresses = addresses;
        this.zones = zones;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> show(@CurrentUser SignedInUser user, @Nullable @QueryValue String done) {
        return new ModelAndView<>(VIEW, model(user, notice(done), Map.of()));
    }

    @Post(value = "/exports", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> export(@CurrentUser SignedInUser user) {
        exports.request(user.universityId(), user.userId(), user.userId());
        return HttpResponse.seeOther(URI.create("/profile/privacy?done=export#export"));
    }

    @Post(value = "/deletion", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> requestDeletion(
            HttpRequest<?> request, @CurrentUniversity University university, @CurrentUser SignedInUser user) {
        try {
            deletions.request(university, user.userId(), user.email(), addresses.of(request));
        } catch (PrivacyException | SignInException e) {
            return refused(user, e.getMessage(), Map.of("deletion", e.getMessage()));
        }
        return HttpResponse.seeOther(URI.create("/profile/privacy?done=code#delete"));
    }

    @Post(value = "/deletion/confirm", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> confirmDeletion(
            HttpRequest<?> request,
            @CurrentUniversity University university,
            @CurrentUser SignedInUser user,
            @Body Map<String, Object> form) {
        Object code = form.get("code");
        try {
            deletions.confirm(
                    university,
                    user.userId(),
                    user.email(),
                    code instanceof String text ? text : null,
                    addresses.of(request));
        } catch (PrivacyException | SignInException e) {
            return refused(user, e.getMessage(), Map.of("code", e.getMessage()));
        }
        return HttpResponse.seeOther(URI.create("/profile/privacy?done=scheduled#delete"));
    }

    @Post(value = "/deletion/cancel", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> cancelDeletion(@CurrentUser SignedInUser user) {
        try {
            deletions.cancel(user.universityId(), user.userId(), user.userId());
        } catch (PrivacyException e) {
            return refused(user, e.getMessage(), Map.of("deletion", e.getMessage()));
        }
        return HttpResponse.seeOther(URI.create("/profile/privacy?done=cancelled#delete"));
    }

    private HttpResponse<?> refused(SignedInUser user, String message, Map<String, String> errors) {
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new ModelAndView<>(VIEW, model(user, null, errors)));
    }

    private static @Nullable String notice(@Nullable String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "export" -> "We are gathering your data. This page shows when the download is ready.";
            case "code" -> "We emailed you a 6-digit code. Enter it below to confirm.";
            case "scheduled" -> "Your account is scheduled for deletion. You can cancel until the date below.";
            case "cancelled" -> "Your account will not be deleted.";
            default -> null;
        };
    }

    private Map<String, Object> model(SignedInUser user, @Nullable String notice, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("email", user.email());
        if (notice != null) {
            model.put("notice", notice);
        }
        model.put("errors", errors);
        ZoneId zone = zones.zoneOf(user.universityId(), user.userId());
        List<Map<String, Object>> rows = exports.recent(user.universityId(), user.userId()).stream()
                .map(export -> exportRow(export, zone))
                .toList();
        model.put("exports", rows);
        Optional<AccountDeletion> deletion = deletions.of(user.universityId(), user.userId());
        AccountDeletion.Status status = deletion.map(AccountDeletion::status).orElse(null);
        model.put("awaitingCode", status == AccountDeletion.Status.AWAITING_CODE);
        model.put("scheduled", status == AccountDeletion.Status.SCHEDULED);
        deletion.map(AccountDeletion::eraseAt).ifPresent(at -> model.put("eraseOn", Dates.day(at, zone)));
        return model;
    }

    static Map<String, Object> exportRow(DataExport export, ZoneId zone) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", export.id().toString());
        row.put("status", export.status().name());
        row.put("percent", export.percent());
        row.put("pending", export.status() == DataExport.Status.PENDING);
        row.put("ready", export.status() == DataExport.Status.READY);
        row.put("requested", Dates.moment(export.createdAt(), zone));
        if (export.expiresAt() != null) {
            row.put("expires", Dates.moment(export.expiresAt(), zone));
        }
        return row;
    }
}
