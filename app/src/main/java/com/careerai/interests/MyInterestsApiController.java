package com.careerai.interests;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** The signed-in user's career interests. */
@Controller("/api/v1/me/interests")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Interests")
class MyInterestsApiController {
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record InterestsView(List<Interest> interests) {}

    @Serdeable
    record ChooseInterests(@Nullable List<Long> interestIds) {}

    private final Interests interests;

    MyInterestsApiController(Interests interests) {
        this.interests = interests;
    }

    @Get
    @Operation(summary = "My interests (retired ones stay, marked retired)")
    InterestsView mine(@CurrentUser SignedInUser user) {
        return new InterestsView(interests.ofUser(user.universityId(), user.userId()));
    }

    @Put
    @Operation(summary = "Set my interests among the offered ones; 422 for an unknown or retired id")
    InterestsView choose(@CurrentUser SignedInUser user, @Body ChooseInterests body) {
        List<Long> ids = body.interestIds() == null ? List.of() : body.interestIds();
        if (ids.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InterestProblem(new InterestException("interestIds", "Give interest ids as numbers."));
        }
        try {
            return new InterestsView(interests.choose(user.universityId(), user.userId(), ids));
        } catch (InterestException e) {
            throw new InterestProblem(new InterestException("interestIds", e.getMessage()));
        }
    }
}
