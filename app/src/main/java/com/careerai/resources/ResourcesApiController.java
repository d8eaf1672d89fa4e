package com.careerai.resources;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.resources.ResourceViews.ResourceListView;
import com.careerai.resources.ResourceViews.ResourceView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** The resources library as JSON: browse and search, one resource, download, share. */
@Controller("/api/v1/resources")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Resources")
class ResourcesApiController {
    private final Resources resources;
    private final ResourceDelivery delivery;

    ResourcesApiController(Resources resources, ResourceDelivery delivery) {
        this.resources = resources;
        this.delivery = delivery;
    }

    @Get
    @Operation(summary = "Approved resources, filtered by interest id and type, searched by q (ranked), 12 a page")
    ResourceListView list(
            @CurrentUser SignedInUser user,
            @Nullable @QueryValue String interest,
            @Nullable @QueryValue String type,
            @Nullable @QueryValue String q,
            @Nullable @QueryValue String page) {
        Resources.Page found = resources.browse(
                user.universityId(), ResourceFilters.parse(interest, type, q), ResourceFilters.page(page));
        List<String> plans = resources.unlockingPlans();
        return new ResourceListView(
                found.items().stream()
                        .map(r -> ResourceView.of(r, user, resources.locked(user, r), plans))
                        .toList(),
                found.page(),
                found.pages(),
                found.total());
    }

    @Get("/{id}")
    @Operation(summary = "One resource (another university's, or one still in review, is 404)")
    ResourceView get(@CurrentUser SignedInUser user, @PathVariable long id) {
        Resource resource = resources.visible(user, id);
        return ResourceView.of(resource, user, resources.locked(user, resource), resources.unlockingPlans());
    }

    @Get(value = "/{id}/download", produces = MediaType.ALL)
    @Operation(
            summary = "Records the download, then the file (attachment), or a redirect to it or to the link;"
                    + " 403 plan_required when the student's plan does not open it")
    @ApiResponse(responseCode = "200", description = "The file, as an attachment")
    @ApiResponse(responseCode = "302", description = "To the file's time-limited address in storage, or to the link")
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> download(@CurrentUser SignedInUser user, @PathVariable long id) {
        return delivery.deliver(resources.download(user, id));
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(
            summary = "Share a resource (counsellors and staff): title, description, interests (ids), access"
                    + " (everyone|premium) and file or url (linkType=video optional); 201, or 422 with the reason")
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<ResourceView> share(
            @CurrentUser SignedInUser user,
            @Nullable @Part("title") String title,
            @Nullable @Part("description") String description,
            @Nullable @Part("interests") List<String> interests,
            @Nullable @Part("access") String access,
            @Nullable @Part("url") String url,
            @Nullable @Part("linkType") String linkType,
            @Nullable @Part("file") CompletedFileUpload file) {
        Resource shared = resources.share(
                user, ResourceFilters.submitted(title, description, interests, access, url, linkType, file));
        return HttpResponse.created(ResourceView.of(shared, user, false, List.of()))
                .header(HttpHeaders.LOCATION, "/api/v1/resources/" + shared.id());
    }
}
