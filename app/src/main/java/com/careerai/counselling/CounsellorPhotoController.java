package com.careerai.counselling;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * {@code /counselling/photos/{id}}: a counsellor's photo as re-encoded on upload (always JPEG,
 * never the uploaded bytes), to people signed in at the same university; otherwise 404.
 */
@Controller("/counselling/photos")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class CounsellorPhotoController {
    private final Counsellors counsellors;

    CounsellorPhotoController(Counsellors counsellors) {
        this.counsellors = counsellors;
    }

    // any Accept matches, so a refusal is a 404 page or JSON error, never a 406 (the body is always JPEG)
    @Get(
            value = "/{id}",
            produces = {MediaType.IMAGE_JPEG, MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    HttpResponse<byte[]> photo(@CurrentUser SignedInUser user, @PathVariable long id) {
        byte[] jpeg = counsellors.photo(user.universityId(), id).orElseThrow(CounsellingException::counsellorNotFound);
        return HttpResponse.ok(jpeg)
                .contentType(MediaType.IMAGE_JPEG_TYPE)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline; filename=\"counsellor-" + id + ".jpg\"")
                .header("Cache-Control", "private, no-cache");
    }
}
