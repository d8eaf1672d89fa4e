package com.careerai.resources;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.interests.Interests;
import com.careerai.platform.web.LayoutModel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The library for everyone signed in ({@code /resources}: filter, search, pages; one resource;
 * download) and sharing for counsellors and staff ({@code /resources/new}, {@code /resources/mine}
 * with download counts).
 */
@Controller("/resources")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class ResourcePagesController {
    private final Resources resources;
    private final ResourcePages pages;
    private final ResourceDelivery delivery;
    private final Interests interests;
    private final LayoutModel layout;

    ResourcePagesController(
            Resources resources,
            ResourcePages pages,
            ResourceDelivery delivery,
            Interests interests,
            LayoutModel layout) {
        this.resources = resources;
        this.pages = pages;
        this.delivery = delivery;
        this.interests = interests;
        this.layout = layout;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> library(
            HttpRequest<?> request,
            @CurrentUser SignedInUser user,
            @Nullable @QueryValue String interest,
            @Nullable @QueryValue String type,
            @Nullable @QueryValue String q,
            @Nullable @QueryValue String page) {
        Map<String, Object> model = new HashMap<>();
        ResourceStore.Filter filter;
        try {
            filter = ResourceFilters.parse(interest, type, q);
        } catch (ResourceException e) {
            filter = new ResourceStore.Filter(null, null, null);
            model.put("filterError", e.getMessage());
        }
        int asked = ResourceFilters.page(page);
        // the library's reads and the header's in one round trip (ADR 0076)
        layout.prefetchWith(request, resources.browseReads(user.universityId(), filter, asked));
        Resources.Page found = resources.browse(user.universityId(), filter, asked);
        String interestValue = filter.interestId() == null ? "" : String.valueOf(filter.interestId());
        String typeValue = filter.kind() == null ? "" : filter.kind().slug();
        String query = filter.query() == null ? "" : filter.query();
        model.put("resources", pages.cards(found.items(), user));
        model.put(
                "interests",
                interests.offered(user.universityId()).stream()
                        .map(i -> Map.<String, Object>of(
                                "id",
                                i.id(),
                                "name",
                                i.name(),
                                "selected",
                                String.valueOf(i.id()).equals(interestValue)))
                        .toList());
        model.put("kinds", pages.kinds(typeValue));
        model.put("q", query);
        model.put("filtered", filter.interestId() != null || filter.kind() != null || filter.searching());
        model.put("searching", filter.searching());
        model.put("total", found.total());
        model.put("page", found.page());
        model.put("pages", found.pages());
        String base = "/resources?interest=" + interestValue + "&type=" + typeValue + "&q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&page=";
        model.put("previous", found.page() > 1 ? base + (found.page() - 1) : null);
        model.put("next", found.page() < found.pages() ? base + (found.page() + 1) : null);
        model.put("canShare", !user.role().equals(com.careerai.auth.Role.STUDENT));
        return new ModelAndView<>("resources/library", model);
    }

    @Get(value = "/new", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> shareForm(@CurrentUser SignedInUser user) {
        requireSharer(user);
        return new ModelAndView<>("resources/share", shareModel(user, Map.of(), Map.of(), List.of()));
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> share(
            @CurrentUser SignedInUser user,
            @Nullable @Part("title") String title,
            @Nullable @Part("description") String description,
            @Nullable @Part("interests") List<String> chosen,
            @Nullable @Part("access") String access,
            @Nullable @Part("url") String url,
            @Nullable @Part("linkType") String linkType,
            @Nullable @Part("file") CompletedFileUpload file) {
        requireSharer(user);
        try {
            Resource shared = resources.share(
                    user, ResourceFilters.submitted(title, description, chosen, access, url, linkType, file));
            return HttpResponse.seeOther(URI.create("/resources/" + shared.id()
                    + (shared.status() == ResourceStatus.PENDING ? "?shared=pending" : "")));
        } catch (ResourceException e) {
            if (e.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
                throw e;
            }
            Map<String, String> values = new HashMap<>();
            values.put("title", title == null ? "" : title);
            values.put("description", description == null ? "" : description);
            values.put("access", access == null ? "everyone" : access);
            values.put("url", url == null ? "" : url);
            values.put("linkType", linkType == null ? "" : linkType);
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>(
                            "resources/share",
                            shareModel(user, e.fields(), values, chosen == null ? List.of() : chosen)));
        }
    }

    private Map<String, Object> shareModel(
            SignedInUser user, Map<String, String> errors, Map<String, String> values, List<String> chosen) {
        Map<String, Object> model = new HashMap<>();
        model.put("errors", errors);
        model.put("hasErrors", !errors.isEmpty());
        model.put("values", values);
        model.put("interests", pages.interestChoices(user.universityId(), chosen));
        model.put("premium", "premium".equalsIgnoreCase(values.getOrDefault("access", "")));
        model.put("video", "video".equalsIgnoreCase(values.getOrDefault("linkType", "")));
        model.put("maxSize", UploadInspector.megabytes(resources.maxFileSize()));
        model.put("needsApproval", !user.isStaff() && resources.requiresApproval(user.universityId()));
        model.put("plans", String.join(" and ", resources.unlockingPlans()));
        return model;
    }

    @Get(value = "/mine", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> mine(HttpRequest<?> request, @CurrentUser SignedInUser user) {
        requireSharer(user);
        // what they shared with its tags' names and the header's reads in one round trip (ADR 0076)
        layout.prefetchWith(request, resources.sharedByReads(user));
        Map<String, Object> model = new HashMap<>();
        model.put("resources", pages.cards(resources.sharedBy(user), user));
        return new ModelAndView<>("resources/mine", model);
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> resource(
            HttpRequest<?> request,
            @CurrentUser SignedInUser user,
            @PathVariable long id,
            @Nullable @QueryValue String shared) {
        // the resource, its tags' names and the header's reads in one round trip (ADR 0076)
        layout.prefetchWith(request, resources.resourceReads(user.universityId(), id));
        Map<String, Object> model = new HashMap<>(pages.card(resources.visible(user, id), user));
        model.put("justShared", shared != null);
        Map<String, Object> page = new HashMap<>();
        page.put("resource", model);
        return new ModelAndView<>("resources/resource", page);
    }

    @Get(value = "/{id}/download", produces = MediaType.ALL)
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> download(@CurrentUser SignedInUser user, @PathVariable long id) {
        return delivery.deliver(resources.download(user, id));
    }

    private static void requireSharer(SignedInUser user) {
        if (user.role() == com.careerai.auth.Role.STUDENT) {
            throw ResourceException.forbidden("Only counsellors and staff can share resources.");
        }
    }
}
