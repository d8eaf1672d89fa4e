package com.careerai.counselling;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** {@code /counsellor/profile}: the counsellor's own profile as students see it, and their photo upload. */
@Controller("/counsellor/profile")
@Secured("COUNSELLOR")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class CounsellorProfileController {
    private final Counsellors counsellors;

    private final com.careerai.interests.Interests interests;

    CounsellorProfileController(Counsellors counsellors, com.careerai.interests.Interests interests) {
        this.interests = interests;
        this.counsellors = counsellors;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> profile(@CurrentUser SignedInUser user, @Nullable @QueryValue String saved) {
        Map<String, Object> model = model(user, Map.of(), saved != null);
        model.put(
                "savedText",
                "profile".equals(saved)
                        ? "Your profile is saved. Students see the change at once."
                        : "Your photo is saved. Students see it beside your name.");
        return new ModelAndView<>("counselling/profile", model);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> changeProfile(@CurrentUser SignedInUser user, @Body Map<String, String> form) {
        try {
            counsellors.changeProfile(
                    user, form.get("name"), form.get("bio"), form.get("expertise"), form.get("languages"));
            return HttpResponse.seeOther(URI.create("/counsellor/profile?saved=profile"));
        } catch (CounsellingException e) {
            if (e.fields().isEmpty()) {
                throw e;
            }
            Map<String, Object> model = model(user, e.fields(), false);
            model.put("values", form);
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("counselling/profile", model));
        }
    }

    @Post(value = "/photo", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    HttpResponse<?> uploadPhoto(@CurrentUser SignedInUser user, @Nullable @Part("photo") CompletedFileUpload photo) {
        try {
            counsellors.changePhoto(user, photo == null ? new byte[0] : bytes(photo));
            return HttpResponse.seeOther(URI.create("/counsellor/profile?saved=photo"));
        } catch (CounsellingException e) {
            if (e.fields().isEmpty()) {
                throw e;
            }
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("counselling/profile", model(user, e.fields(), false)));
        }
    }

    private static byte[] bytes(CompletedFileUpload photo) {
        if (photo.getSize() > CounsellorPhotos.MAX_BYTES) {
            return new byte[CounsellorPhotos.MAX_BYTES + 1]; // refused by size without reading it all
        }
        try {
            return photo.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> model(SignedInUser user, Map<String, String> errors, boolean saved) {
        Counsellor me = counsellors
                .find(user.universityId(), user.userId())
                .orElseThrow(CounsellingException::counsellorNotFound);
        Map<String, Object> model = new HashMap<>();
        Map<String, Object> profile = PageModels.profile(me);
        model.put("counsellor", profile);
        model.put(
                "values",
                Map.of(
                        "name", me.name(),
                        "bio", me.bio(),
                        "expertise", String.join(", ", me.expertise()),
                        "languages", String.join(", ", me.languages())));
        model.put("errors", errors);
        model.put(
                "interestNames",
                String.join(
                        ", ",
                        interests.offered(user.universityId()).stream()
                                .map(com.careerai.interests.Interest::name)
                                .toList()));
        model.put("saved", saved);
        model.put("maxMegabytes", CounsellorPhotos.MAX_BYTES / (1024 * 1024));
        return model;
    }
}
