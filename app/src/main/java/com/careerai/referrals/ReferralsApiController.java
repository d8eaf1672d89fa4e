package com.careerai.referrals;

import com.careerai.auth.ClientAddresses;
import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.tenancy.CurrentUniversity;
import com.careerai.tenancy.University;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The student's referrals as JSON. */
@Controller("/api/v1/referrals")
@Secured("STUDENT")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Referrals")
class ReferralsApiController {
    private final MyReferrals mine;
    private final ClientAddresses addresses;

    ReferralsApiController(MyReferrals mine, ClientAddresses addresses) {
        this.mine = mine;
        this.addresses = addresses;
    }

    @Get
    @Operation(
            summary = "My referral code and link, the friends who joined through it, and the rewards",
            description = "Rewards are HELD for the university's hold period, then RELEASED as credits; REVIEW"
                    + " waits for staff; CANCELLED / REVERSED ended (refund or abuse); REFUSED and CAPPED were"
                    + " never rewarded. joinedThrough is the caller's own welcome reward, if they joined by a link.")
    MyReferrals.View mine(
            HttpRequest<?> request, @CurrentUniversity University university, @CurrentUser SignedInUser student) {
        return mine.seenFrom(university.id(), university.subdomain(), student.userId(), addresses.of(request));
    }
}
