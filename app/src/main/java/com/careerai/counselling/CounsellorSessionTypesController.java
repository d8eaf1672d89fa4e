package com.careerai.counselling;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.billing.ExpertPayouts;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code /counsellor/session-types}: the counsellor's session types and, for a paid expert, their money prices. */
@Controller("/counsellor/session-types")
@Secured("COUNSELLOR")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class CounsellorSessionTypesController {
    private final SessionPrices prices;

    CounsellorSessionTypesController(SessionPrices prices) {
        this.prices = prices;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(@CurrentUser SignedInUser user, @Nullable @QueryValue String saved) {
        return new ModelAndView<>("counselling/session-types", model(user, null, Map.of(), null, saved != null));
    }

    @Post(value = "/{slug}/price", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> setPrice(
            @CurrentUser SignedInUser user, @PathVariable String slug, @Body Map<String, String> form) {
        try {
            prices.setPrice(user, slug, form.get("price"));
            return HttpResponse.seeOther(URI.create("/counsellor/session-types?saved=1"));
        } catch (CounsellingException e) {
            if (e.fields().isEmpty()) {
                throw e;
            }
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>(
                            "counselling/session-types", model(user, slug, e.fields(), form.get("price"), false)));
        }
    }

    private Map<String, Object> model(
            SignedInUser user,
            @Nullable String failedSlug,
            Map<String, String> errors,
            @Nullable String typed,
            boolean saved) {
        ExpertPayouts.ExpertStatus status = prices.status(user);
        List<Map<String, Object>> types = prices.mine(user).stream()
                .map(type -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("slug", type.slug());
                    row.put("name", type.name());
                    row.put("minutes", type.minutes());
                    row.put("price", PageModels.price(type));
                    boolean failed = type.slug().equals(failedSlug);
                    row.put(
                            "value",
                            failed
                                    ? (typed == null ? "" : typed)
                                    : type.paidByCard()
                                            ? java.math.BigDecimal.valueOf(type.priceCents(), 2)
                                                    .toPlainString()
                                            : "");
                    row.put("error", failed ? errors.get("price") : null);
                    return row;
                })
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("types", types);
        model.put("canCharge", status.canCharge());
        model.put("paidExpert", status.paidExpert());
        model.put("currency", prices.currency(user).toUpperCase(java.util.Locale.ROOT));
        model.put("saved", saved);
        return model;
    }
}
