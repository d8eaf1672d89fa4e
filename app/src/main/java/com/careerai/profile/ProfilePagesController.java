package com.careerai.profile;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.interests.InterestException;
import com.careerai.interests.Interests;
import com.careerai.platform.web.LayoutModel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /profile}: the career profile (details), saved resumes and interests of the signed-in
 * person. Each section is its own form; a refused one comes back with 422, its messages beside
 * the fields and what was typed kept.
 */
@Controller("/profile")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class ProfilePagesController {
    private static final String VIEW = "profile/profile";

    private final ProfilePage page;
    private final CareerProfiles profiles;
    private final SavedResumes resumes;
    private final Interests interests;
    private final LayoutModel layout;

    ProfilePagesController(
            ProfilePage page, CareerProfiles profiles, SavedResumes resumes, Interests interests, LayoutModel layout) {
        this.page = page;
        this.profiles = profiles;
        this.resumes = resumes;
        this.interests = interests;
        this.layout = layout;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> show(
            HttpRequest<?> request, @CurrentUser SignedInUser user, @Nullable @QueryValue String saved) {
        layout.prefetchWith(request, page.reads(user));
        return new ModelAndView<>(VIEW, page.model(user, ProfilePage.Refused.none(), saved));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> saveDetails(@CurrentUser SignedInUser user, @Body Map<String, Object> form) {
        try {
            profiles.save(
                    user.universityId(),
                    user.userId(),
                    new ProfileInput(
                            first(form, "name"),
                            first(form, "programme"),
                            first(form, "graduationYear"),
                            List.of(first(form, "targetRoles").split("\\R")),
                            List.of(first(form, "targetLocations").split("\\R")),
                            first(form, "linkedinUrl"),
                            first(form, "portfolioUrl"),
                            first(form, "timeZone")));
        } catch (ProfileException e) {
            return refused(user, new ProfilePage.Refused("details", e.fields(), strings(form)));
        }
        return HttpResponse.seeOther(URI.create("/profile?saved=details#details"));
    }

    @Post(value = "/resumes", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> addResume(@CurrentUser SignedInUser user, @Body Map<String, Object> form) {
        try {
            resumes.add(
                    user.universityId(),
                    user.userId(),
                    first(form, "name"),
                    first(form, "resume"),
                    !first(form, "isDefault").isEmpty());
        } catch (ProfileException e) {
            return refused(user, new ProfilePage.Refused("new", e.fields(), strings(form)));
        }
        return HttpResponse.seeOther(URI.create("/profile?saved=resume#resumes"));
    }

    @Post(value = "/resumes/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> renameResume(
            @CurrentUser SignedInUser user, @PathVariable long id, @Body Map<String, Object> form) {
        try {
            resumes.update(user.universityId(), user.userId(), id, first(form, "name"), null, null);
        } catch (ProfileException e) {
            return refused(user, new ProfilePage.Refused(String.valueOf(id), e.fields(), strings(form)));
        }
        return HttpResponse.seeOther(URI.create("/profile?saved=renamed#resumes"));
    }

    @Post(
            value = "/resumes/{id}/default",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> makeDefault(@CurrentUser SignedInUser user, @PathVariable long id) {
        resumes.makeDefault(user.universityId(), user.userId(), id);
        return HttpResponse.seeOther(URI.create("/profile?saved=default#resumes"));
    }

    @Post(
            value = "/resumes/{id}/delete",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> deleteResume(@CurrentUser SignedInUser user, @PathVariable long id) {
        resumes.delete(user.universityId(), user.userId(), id);
        return HttpResponse.seeOther(URI.create("/profile?saved=deleted#resumes"));
    }

    @Post(value = "/interests", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> chooseInterests(@CurrentUser SignedInUser user, @Body Map<String, Object> form) {
        List<Long> ids = new ArrayList<>();
        try {
            for (String value : values(form.get("interestIds"))) {
                try {
                    ids.add(Long.valueOf(value.strip()));
                } catch (NumberFormatException e) {
                    throw new ProfileException("interests", "Choose among the interests offered.");
                }
            }
            interests.choose(user.universityId(), user.userId(), ids);
        } catch (InterestException | ProfileException e) {
            return refused(
                    user,
                    new ProfilePage.Refused(
                            "interests",
                            Map.of("interests", e.getMessage()),
                            Map.of(
                                    "interestIds",
                                    ids.stream().map(String::valueOf).toList())));
        }
        return HttpResponse.seeOther(URI.create("/profile?saved=interests#interests"));
    }

    private HttpResponse<?> refused(SignedInUser user, ProfilePage.Refused refused) {
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new ModelAndView<>(VIEW, page.model(user, refused, null)));
    }

    private static Map<String, Object> strings(Map<String, Object> form) {
        Map<String, Object> kept = new java.util.HashMap<>();
        form.forEach((key, value) -> {
            if (!key.equals("csrf")) {
                kept.put(key, first(form, key));
            }
        });
        return kept;
    }

    private static String first(Map<String, Object> form, String name) {
        List<String> all = values(form.get(name));
        return all.isEmpty() ? "" : all.get(0);
    }

    /** A form field's values: one value arrives as a string, several as a list. */
    private static List<String> values(@Nullable Object value) {
        if (value instanceof String text) {
            return List.of(text);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
