package com.careerai.staff;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.credits.AllowanceDefaults;
import com.careerai.credits.BulkGrants;
import com.careerai.credits.CreditOperationException;
import com.careerai.credits.CreditsConfiguration;
import com.careerai.credits.Currency;
import com.careerai.credits.GrantBatch;
import com.careerai.credits.LedgerAuditResults;
import com.careerai.credits.MonthlyRefill;
import com.careerai.credits.UnknownStudentException;
import com.careerai.credits.Wallets;
import com.careerai.platform.web.LayoutModel;
import com.careerai.platform.web.Plural;
import com.careerai.tenancy.CurrentUniversity;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import com.careerai.tenancy.UniversityAdministration.DefaultAllowance;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /staff/credits}: the default allowance, bulk grants with progress, the monthly refill,
 * one student's adjustment, and the ledger audit. Every change needs a reason and is audited; a
 * form with bad input comes back with 422 and a message beside each field. The ledger audit reads
 * every ledger row, so rendering never runs it: the page shows the latest result with its time
 * and a button runs it again.
 */
@Controller("/staff/credits")
@Secured("STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class StaffCreditsController {
    private static final String VIEW = "staff/credits";
    private static final int RECENT_GRANTS = 5;
    private static final DateTimeFormatter RAN_AT = DateTimeFormatter.ofPattern(
                    "d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Serdeable
    record DefaultsForm(@Nullable String silver, @Nullable String gold, @Nullable String reason) {}

    @Serdeable
    record GrantForm(
            @Nullable String currency,
            @Nullable String amount,
            @Nullable String reason,
            @Nullable String key,
            @Nullable String confirmed) {}

    @Serdeable
    record RefillForm(@Nullable String enabled) {}

    @Serdeable
    record AdjustmentForm(
            @Nullable String email,
            @Nullable String currency,
            @Nullable String delta,
            @Nullable String reason,
            @Nullable String key) {}

    private final UniversityAdministration universities;
    private final AllowanceDefaults defaults;
    private final BulkGrants grants;
    private final MonthlyRefill refill;
    private final Wallets wallets;
    private final LedgerAuditResults audits;
    private final UserAccounts users;
    private final CreditsConfiguration configuration;
    private final LayoutModel layout;

    StaffCreditsController(
            UniversityAdministration universities,
            AllowanceDefaults defaults,
            BulkGrants grants,
            MonthlyRefill refill,
            Wallets wallets,
            LedgerAuditResults audits,
            UserAccounts users,
            CreditsConfiguration configuration,
            LayoutModel layout) {
        this.universities = universities;
        this.defaults = defaults;
        this.grants = grants;
        this.refill = refill;
        this.wallets = wallets;
        this.audits = audits;
        this.users = users;
        this.configuration = configuration;
        this.layout = layout;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(
            HttpRequest<?> request,
            @CurrentUniversity University university,
            @QueryValue @Nullable String notice,
            @QueryValue @Nullable String batch) {
        // the allowance, the refill, the latest grants and the header's reads in one round trip (ADR 0076)
        layout.prefetchWith(
                request,
                List.of(
                        UniversityAdministration.defaultAllowanceRead(university.id()),
                        MonthlyRefill.enabledRead(university.id()),
                        BulkGrants.recentRead(university.id(), RECENT_GRANTS)));
        Map<String, Object> model = model(university);
        if (notice != null) {
            model.put("notice", noticeText(notice));
        }
        model.put("highlight", batch);
        return new ModelAndView<>(VIEW, model);
    }

    @Post(value = "/defaults", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> changeDefaults(
            @CurrentUniversity University university, @CurrentUser SignedInUser staff, @Body DefaultsForm form) {
        FormInput input = new FormInput();
        Integer silver = input.wholeNumber("silver", form.silver(), 0, configuration.getMaxAmount());
        Integer gold = input.wholeNumber("gold", form.gold(), 0, configuration.getMaxAmount());
        String reason = input.reason("reason", form.reason());
        if (input.valid()) {
            try {
                defaults.change(university.id(), staff, silver, gold, reason);
                return done("defaults");
            } catch (CreditOperationException e) {
                input.reject(e.field(), e.getMessage());
            }
        }
        return rejected(university, "defaults", input, form);
    }

    @Post(value = "/grants", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> grantToEveryStudent(
            @CurrentUniversity University university, @CurrentUser SignedInUser staff, @Body GrantForm form) {
        FormInput input = new FormInput();
        Currency currency = input.currency("currency", form.currency());
        Integer amount = input.wholeNumber("amount", form.amount(), 1, configuration.getMaxAmount());
        String reason = input.reason("reason", form.reason());
        UUID formKey = parseKey(form.key()).orElseGet(UUID::randomUUID);
        if (input.valid() && !"yes".equals(form.confirmed())) {
            // The server asks first, with the count from SQL, so a slip cannot reach every student.
            return HttpResponse.ok(new ModelAndView<>(
                    "staff/credits-confirm", confirmModel(currency, amount, reason, formKey, university)));
        }
        if (input.valid()) {
            GrantBatch started =
                    grants.start(university.id(), "user:" + staff.userId(), currency, amount, reason, formKey);
            return HttpResponse.seeOther(URI.create("/staff/credits?batch=" + started.id() + "#grants"));
        }
        return rejected(university, "grant", input, form);
    }

    private Map<String, Object> confirmModel(
            Currency currency, int amount, String reason, UUID formKey, University university) {
        long students = users.countStudents(university.id());
        String credits = Plural.of(amount, currency.name().toLowerCase(java.util.Locale.ROOT) + " credit");
        Map<String, Object> model = new HashMap<>();
        model.put(
                "question",
                "Grant " + amount + " " + currency.name().toLowerCase(java.util.Locale.ROOT) + " to "
                        + Plural.of(students, "student") + "?");
        model.put("detail", "Each student gets " + credits + ", with the reason “" + reason + "” in their history.");
        model.put("students", students);
        model.put("currency", currency.name());
        model.put("amount", amount);
        model.put("reason", reason);
        model.put("key", formKey);
        return model;
    }

    @Post(value = "/refill", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> monthlyRefill(
            @CurrentUniversity University university, @CurrentUser SignedInUser staff, @Body RefillForm form) {
        boolean enabled = "true".equals(form.enabled());
        refill.setEnabled(university.id(), enabled, "user:" + staff.userId());
        return done(enabled ? "refill-on" : "refill-off");
    }

    @Post(value = "/adjustments", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> adjust(
            @CurrentUniversity University university, @CurrentUser SignedInUser staff, @Body AdjustmentForm form) {
        FormInput input = new FormInput();
        String email = input.required("email", form.email(), "Enter the student's email.");
        Currency currency = input.currency("currency", form.currency());
        Integer delta = input.change("delta", form.delta(), configuration.getMaxAmount());
        String reason = input.reason("reason", form.reason());
        if (input.valid()) {
            Optional<User> student = users.findByEmail(university.id(), email);
            if (student.isEmpty()) {
                input.reject("email", "There is no student with this email at " + university.name() + ".");
            } else {
                try {
                    wallets.adjust(
                            university.id(),
                            staff,
                            student.get().id(),
                            currency,
                            delta,
                            reason,
                            "adjust:" + parseKey(form.key()).orElseGet(UUID::randomUUID));
                    return done("adjusted");
                } catch (CreditOperationException e) {
                    input.reject(e.field().equals("student") ? "email" : e.field(), e.getMessage());
                } catch (UnknownStudentException e) {
                    input.reject("email", e.getMessage());
                }
            }
        }
        return rejected(university, "adjust", input, form);
    }

    /** Runs the full ledger audit now; the page then shows its result and time. */
    @Post(value = "/audit", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> runAudit(@CurrentUniversity University university, @CurrentUser SignedInUser staff) {
        audits.run(university.id(), "user:" + staff.userId());
        return HttpResponse.seeOther(URI.create("/staff/credits?notice=audited#audit"));
    }

    private Map<String, Object> model(University university) {
        // Read afresh: the request's copy may predate a change made on another node.
        DefaultAllowance allowance = universities
                .defaultAllowance(university.id())
                .orElse(new DefaultAllowance(university.defaultSilver(), university.defaultGold()));
        Map<String, Object> model = new HashMap<>();
        model.put("defaults", Map.of("silver", allowance.silver(), "gold", allowance.gold()));
        model.put("refillEnabled", refill.isEnabled(university.id()));
        model.put("batches", grants.recent(university.id(), RECENT_GRANTS));
        audits.latest(university.id()).ifPresent(saved -> model.put("audit", auditView(saved)));
        model.put("maxAmount", configuration.getMaxAmount());
        model.put("grantKey", UUID.randomUUID());
        model.put("adjustKey", UUID.randomUUID());
        model.put("errors", Map.of());
        model.put("values", Map.of());
        model.put("goldSelected", Map.of());
        return model;
    }

    private static Map<String, Object> auditView(LedgerAuditResults.Saved saved) {
        Map<String, Object> view = new HashMap<>();
        view.put("clean", saved.report().clean());
        view.put("walletsChecked", saved.report().walletsChecked());
        view.put("transactionsChecked", saved.report().transactionsChecked());
        view.put("problemCount", saved.report().problemCount());
        view.put("problemsText", Plural.of(saved.report().problemCount(), "problem"));
        view.put("walletsText", Plural.of(saved.report().walletsChecked(), "wallet"));
        view.put("transactionsText", Plural.of(saved.report().transactionsChecked(), "transaction"));
        view.put("problems", saved.report().problems());
        view.put("ranAt", RAN_AT.format(saved.ranAt()));
        view.put("ranAtIso", saved.ranAt().toString());
        return view;
    }

    private HttpResponse<?> rejected(University university, String formName, FormInput input, Record form) {
        Map<String, Object> model = model(university);
        model.put("errors", Map.of(formName, input.errors()));
        model.put("values", Map.of(formName, form));
        String currency = form instanceof GrantForm grant
                ? grant.currency()
                : form instanceof AdjustmentForm adjustment ? adjustment.currency() : null;
        model.put("goldSelected", Map.of(formName, Currency.parse(currency).orElse(null) == Currency.GOLD));
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(VIEW, model));
    }

    private static HttpResponse<?> done(String notice) {
        return HttpResponse.seeOther(URI.create("/staff/credits?notice=" + notice));
    }

    private static String noticeText(String notice) {
        return switch (notice) {
            case "defaults" -> "Default allowance changed. New students receive it at their first sign-in.";
            case "refill-on" -> "Monthly refill on: every student is topped up to the defaults on the 1st.";
            case "refill-off" -> "Monthly refill off.";
            case "adjusted" -> "Balance adjusted.";
            case "audited" -> "Ledger audit finished: its result is below.";
            default -> null;
        };
    }

    private static Optional<UUID> parseKey(@Nullable String key) {
        try {
            return key == null || key.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(key.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
