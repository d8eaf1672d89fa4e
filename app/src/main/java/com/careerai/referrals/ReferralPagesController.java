package com.careerai.referrals;

import com.careerai.auth.ClientAddresses;
import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.platform.web.LayoutModel;
import com.careerai.platform.web.Plural;
import com.careerai.tenancy.CurrentUniversity;
import com.careerai.tenancy.University;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** {@code /referrals}: the student's link with copy and share buttons, who joined, and their rewards. */
@Controller("/referrals")
@Secured("STUDENT")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class ReferralPagesController {
    static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final MyReferrals mine;
    private final ClientAddresses addresses;
    private final LayoutModel layout;

    ReferralPagesController(MyReferrals mine, ClientAddresses addresses, LayoutModel layout) {
        this.mine = mine;
        this.addresses = addresses;
        this.layout = layout;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(
            HttpRequest<?> request, @CurrentUniversity University university, @CurrentUser SignedInUser student) {
        // the page's five reads and the header's in one round trip (ADR 0076)
        layout.prefetchWith(request, mine.reads(university.id(), student.userId()));
        MyReferrals.View view =
                mine.seenFrom(university.id(), university.subdomain(), student.userId(), addresses.of(request));
        Map<String, Object> model = new HashMap<>();
        model.put("university", university);
        model.put("view", view);
        String currency = view.currency().toLowerCase(Locale.ROOT);
        model.put("offer", view.rewardEachSide() + " " + currency + " credits");
        model.put("signUps", Plural.of(view.signUps(), "friend") + " joined");
        model.put("pending", view.rewards().pending() + " " + currency);
        model.put("released", view.rewards().released() + " " + currency);
        model.put("cancelled", view.rewards().cancelled() + " " + currency);
        model.put(
                "referees",
                view.referees().stream()
                        .map(referee -> Map.of(
                                "name", referee.name(),
                                "joined", DAY.format(referee.joinedAt()),
                                "status", label(referee.status(), referee.holdUntil()),
                                "badge", badge(referee.status()),
                                "reward",
                                        referee.reward() + " "
                                                + referee.currency().toLowerCase(Locale.ROOT)))
                        .toList());
        if (view.joinedThrough() != null) {
            MyReferrals.Welcome welcome = view.joinedThrough();
            model.put(
                    "welcome",
                    Map.of(
                            "reward",
                                    welcome.reward() + " " + welcome.currency().toLowerCase(Locale.ROOT) + " credits",
                            "status", label(welcome.status(), welcome.holdUntil()),
                            "badge", badge(welcome.status())));
        }
        return new ModelAndView<>("referrals/mine", model);
    }

    static String label(String status, Instant holdUntil) {
        return switch (status) {
            case "HELD" -> "Held until " + DAY.format(holdUntil);
            case "REVIEW" -> "Being checked by the careers team";
            case "RELEASED" -> "Released";
            case "CANCELLED" -> "Cancelled";
            case "REVERSED" -> "Taken back";
            case "REFUSED" -> "Not eligible (self-referral)";
            case "CAPPED" -> "Not rewarded (monthly limit reached)";
            default -> status;
        };
    }

    static String badge(String status) {
        return switch (status) {
            case "RELEASED" -> "ok";
            case "HELD", "REVIEW" -> "warn";
            default -> "bad";
        };
    }
}
