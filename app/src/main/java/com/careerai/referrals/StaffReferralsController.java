package com.careerai.referrals;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.credits.Currency;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.LayoutModel;
import com.careerai.platform.web.PageReads;
import com.careerai.platform.web.Paging;
import com.careerai.platform.web.Plural;
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
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code /staff/referrals}: activity per status, top referrers, the referrals held for review
 * (approve, or reject with a reason — audited), and every referral, newest first, paged. Rejecting
 * a released one takes its credits back (never below zero).
 */
@Controller("/staff/referrals")
@Secured("STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class StaffReferralsController {
    static final int PAGE_SIZE = 25;
    /** Top referrers shown. */
    static final int TOP = 10;
    /** Referrals held for review shown, newest first. */
    static final int REVIEWED = 100;

    @Serdeable
    record DecisionForm(@Nullable String decision, @Nullable String reason) {}

    @Serdeable
    record SettingsForm(
            @Nullable String enabled,
            @Nullable String currency,
            @Nullable String referrerAmount,
            @Nullable String refereeAmount,
            @Nullable String holdDays,
            @Nullable String monthlyCap,
            @Nullable String addressWindowHours) {}

    private final Referrals referrals;
    private final ReferralStore store;
    private final UserAccounts users;
    private final TransactionOperations<Connection> transactions;
    private final PageReads reads;
    private final LayoutModel layout;

    StaffReferralsController(
            Referrals referrals,
            ReferralStore store,
            UserAccounts users,
            TransactionOperations<Connection> transactions,
            PageReads reads,
            LayoutModel layout) {
        this.referrals = referrals;
        this.store = store;
        this.users = users;
        this.transactions = transactions;
        this.reads = reads;
        this.layout = layout;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(
            HttpRequest<?> request,
            @CurrentUniversity University university,
            @QueryValue @Nullable Integer page,
            @QueryValue @Nullable String notice) {
        // the page's reads with the header's in one round trip (ADR 0076)
        layout.prefetchWith(request, pageReads(university.id(), Paging.page(page == null ? 1 : page)));
        Map<String, Object> model = model(university, page == null ? 1 : page);
        if (notice != null) {
            model.put(
                    "notice",
                    switch (notice) {
                        case "approved" ->
                            "Approved: the reward is held like any other and released when its hold ends.";
                        case "rejected" ->
                            "Rejected: the reward was cancelled (or taken back if it had been released).";
                        case "settings" -> "Referral settings saved. They apply to sign-ups from now on.";
                        default -> "Saved.";
                    });
        }
        return new ModelAndView<>("referrals/staff", model);
    }

    @Post(uri = "/{id}/decision", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> decide(
            @CurrentUniversity University university,
            @CurrentUser SignedInUser staff,
            @PathVariable String id,
            @Body DecisionForm form) {
        long referralId = parseId(id);
        if (transactions
                .executeRead(status -> store.find(university.id(), referralId))
                .isEmpty()) {
            throw notFound();
        }
        if ("approve".equals(form.decision())) {
            referrals.approve(university.id(), staff, referralId);
            return HttpResponse.seeOther(URI.create("/staff/referrals?notice=approved"));
        }
        if ("reject".equals(form.decision())) {
            String reason = form.reason() == null ? "" : form.reason().strip();
            if (reason.isEmpty() || reason.length() > 500) {
                Map<String, Object> model = model(university, 1);
                markError(
                        model,
                        referralId,
                        reason.isEmpty()
                                ? "Give the reason for rejecting (the audit log keeps it)."
                                : "Keep the reason under 500 characters.",
                        form.reason());
                return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                        .body(new ModelAndView<>("referrals/staff", model));
            }
            referrals.reject(university.id(), staff, referralId, reason);
            return HttpResponse.seeOther(URI.create("/staff/referrals?notice=rejected"));
        }
        Map<String, Object> model = model(university, 1);
        markError(model, referralId, "Choose approve or reject.", form.reason());
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("referrals/staff", model));
    }

    @Post(uri = "/settings", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> saveSettings(
            @CurrentUniversity University university, @CurrentUser SignedInUser staff, @Body SettingsForm form) {
        Map<String, String> problems = new LinkedHashMap<>();
        Currency currency = null;
        if ("SILVER".equals(form.currency()) || "GOLD".equals(form.currency())) {
            currency = Currency.valueOf(form.currency());
        } else {
            problems.put("currency", "Choose silver or gold credits.");
        }
        int referrer = number(form.referrerAmount(), "referrerAmount", 0, 1000, "The referrer's reward", problems);
        int referee = number(form.refereeAmount(), "refereeAmount", 0, 1000, "The friend's reward", problems);
        int hold = number(form.holdDays(), "holdDays", 0, 365, "The hold", problems);
        int cap = number(form.monthlyCap(), "monthlyCap", 0, 1000, "The monthly cap", problems);
        int window = number(form.addressWindowHours(), "addressWindowHours", 0, 720, "The review window", problems);
        if (!problems.isEmpty()) {
            Map<String, Object> model = model(university, 1);
            model.put("settingsProblems", problems);
            Map<String, Object> typed = new HashMap<>();
            typed.put("enabled", form.enabled() != null);
            typed.put("silver", !"GOLD".equals(form.currency()));
            typed.put("gold", "GOLD".equals(form.currency()));
            typed.put("referrerAmount", form.referrerAmount());
            typed.put("refereeAmount", form.refereeAmount());
            typed.put("holdDays", form.holdDays());
            typed.put("monthlyCap", form.monthlyCap());
            typed.put("addressWindowHours", form.addressWindowHours());
            model.put("settings", typed);
            model.put("problem", "Check the referral settings: " + problems.size() + " to fix.");
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("referrals/staff", model));
        }
        referrals.changeSettings(
                university.id(),
                staff,
                new ReferralSettings(form.enabled() != null, currency, referrer, referee, hold, cap, window));
        return HttpResponse.seeOther(URI.create("/staff/referrals?notice=settings"));
    }

    private static int number(
            @Nullable String text, String field, int min, int max, String what, Map<String, String> problems) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        problems.put(field, what + " must be a whole number from " + min + " to " + max + ".");
        return 0;
    }

    /** Puts the message beside the form of the referral it concerns, keeping what was typed. */
    @SuppressWarnings("unchecked")
    private static void markError(Map<String, Object> model, long referralId, String message, @Nullable String typed) {
        for (String list : List.of("review", "recent")) {
            for (Map<String, Object> row : (List<Map<String, Object>>) model.get(list)) {
                if (row.get("id").equals(referralId)) {
                    row.put("error", message);
                    row.put("reasonValue", typed);
                }
            }
        }
        model.put("problem", message);
    }

    /**
     * What the page reads before the names: counts by status (their sum is the total), the top referrers,
     * those to review, the page of all and the settings (ADR 0076).
     */
    private static List<PageRead<?>> pageReads(long universityId, int page) {
        return List.of(
                ReferralStore.countsByStatusRead(universityId),
                ReferralStore.topRead(universityId, TOP),
                ReferralStore.withStatusRead(universityId, ReferralStatus.REVIEW, REVIEWED),
                ReferralStore.recentRead(universityId, Paging.offset(page, PAGE_SIZE), PAGE_SIZE),
                ReferralStore.settingsRead(universityId));
    }

    /**
     * The page's model: its reads in one round trip (with the header's when the GET sent them ahead), then
     * every name shown in one statement. They were a read transaction of seven statements.
     */
    private Map<String, Object> model(University university, int requestedPage) {
        long universityId = university.id();
        int page = Paging.page(requestedPage);
        reads.prefetch(pageReads(universityId, page));
        List<ReferralStore.StatusCount> counts = reads.read(ReferralStore.countsByStatusRead(universityId));
        List<ReferralStore.TopReferrer> top = reads.read(ReferralStore.topRead(universityId, TOP));
        List<Referral> review = reads.read(ReferralStore.withStatusRead(universityId, ReferralStatus.REVIEW, REVIEWED));
        long total = counts.stream().mapToLong(ReferralStore.StatusCount::count).sum();
        List<Referral> recent =
                reads.read(ReferralStore.recentRead(universityId, Paging.offset(page, PAGE_SIZE), PAGE_SIZE));
        Set<Long> ids = new HashSet<>();
        top.forEach(referrer -> ids.add(referrer.userId()));
        for (Referral referral : review) {
            ids.add(referral.referrerId());
            ids.add(referral.refereeId());
        }
        for (Referral referral : recent) {
            ids.add(referral.referrerId());
            ids.add(referral.refereeId());
        }
        Map<Long, String> names = new HashMap<>();
        for (User user : users.findAllOnce(universityId, ids).values()) {
            names.put(user.id(), user.displayName() + " <" + user.email() + ">");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("university", university);
        ReferralSettings current = reads.read(ReferralStore.settingsRead(universityId));
        Map<String, Object> settings = new HashMap<>();
        settings.put("enabled", current.enabled());
        settings.put("silver", current.currency() == Currency.SILVER);
        settings.put("gold", current.currency() == Currency.GOLD);
        settings.put("referrerAmount", current.referrerAmount());
        settings.put("refereeAmount", current.refereeAmount());
        settings.put("holdDays", current.holdDays());
        settings.put("monthlyCap", current.monthlyCap());
        settings.put("addressWindowHours", current.addressWindowHours());
        model.put("settings", settings);
        model.put("settingsProblems", Map.of());
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (ReferralStatus value : ReferralStatus.values()) {
            byStatus.put(value.name(), 0L);
        }
        counts.forEach(count -> byStatus.put(count.status(), count.count()));
        List<Map<String, Object>> figures = new ArrayList<>();
        byStatus.forEach((name, count) -> figures.add(Map.of("label", figureLabel(name), "count", count)));
        model.put("figures", figures);
        model.put("summary", Plural.of(total, "referral"));
        model.put(
                "top",
                top.stream()
                        .map(referrer -> Map.of(
                                "name", names.getOrDefault(referrer.userId(), "user " + referrer.userId()),
                                "signUps", referrer.signUps(),
                                "rewarded", referrer.rewarded()))
                        .toList());
        model.put(
                "review", review.stream().map(referral -> row(referral, names)).toList());
        model.put(
                "recent", recent.stream().map(referral -> row(referral, names)).toList());
        int pages = Paging.pages(total, PAGE_SIZE);
        model.put("page", page);
        model.put("pages", pages);
        if (page > 1) {
            model.put("previousUrl", "/staff/referrals?page=" + (page - 1) + "#all");
        }
        if (page < pages) {
            model.put("nextUrl", "/staff/referrals?page=" + (page + 1) + "#all");
        }
        return model;
    }

    private static String figureLabel(String status) {
        return switch (status) {
            case "HELD" -> "Held";
            case "REVIEW" -> "In review";
            case "RELEASED" -> "Released";
            case "CANCELLED" -> "Cancelled";
            case "REVERSED" -> "Taken back";
            case "REFUSED" -> "Refused (self-referral)";
            default -> "Over the monthly cap";
        };
    }

    private static Map<String, Object> row(Referral referral, Map<Long, String> names) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", referral.id());
        row.put("referrer", names.getOrDefault(referral.referrerId(), "user " + referral.referrerId()));
        row.put("referee", names.getOrDefault(referral.refereeId(), "user " + referral.refereeId()));
        row.put("joined", ReferralPagesController.DAY.format(referral.createdAt()));
        row.put("status", ReferralPagesController.label(referral.status().name(), referral.holdUntil()));
        row.put("badge", ReferralPagesController.badge(referral.status().name()));
        row.put(
                "reward",
                referral.referrerAmount() + " + " + referral.refereeAmount() + " "
                        + referral.currency().name().toLowerCase(Locale.ROOT));
        row.put("flag", referral.flag());
        row.put("endReason", referral.endReason());
        row.put("rejectable", referral.status().pending() || referral.status() == ReferralStatus.RELEASED);
        return row;
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw notFound();
        }
    }

    private static HttpStatusException notFound() {
        return new HttpStatusException(HttpStatus.NOT_FOUND, "There is no such referral here.");
    }
}
