package com.careerai.billing;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.tenancy.CurrentUniversity;
import com.careerai.tenancy.University;
import io.micronaut.core.annotation.Nullable;
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
import java.math.BigDecimal;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /staff/billing/settings}: the seller printed on the university's invoices — legal name,
 * address, tax id and the tax rate included in prices. Saving is audited and applies to invoices
 * issued from then on; invoices already issued keep what they said.
 */
@Controller("/staff/billing/settings")
@Secured("STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class InvoiceSettingsController {

    @Serdeable
    record SettingsForm(
            @Nullable String legalName, @Nullable String address, @Nullable String taxId, @Nullable String taxRate) {}

    private final Invoices invoices;

    InvoiceSettingsController(Invoices invoices) {
        this.invoices = invoices;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(
            @CurrentUniversity University university, @QueryValue @Nullable String notice) {
        Map<String, Object> model = new HashMap<>();
        model.put("university", university);
        model.put("errors", Map.of());
        invoices.settings(university.id())
                .ifPresentOrElse(
                        saved -> {
                            model.put("saved", true);
                            model.put("legalName", saved.legalName());
                            model.put("address", saved.address());
                            model.put("taxId", saved.taxId());
                            model.put(
                                    "taxRate",
                                    saved.taxRateBasisPoints() == 0 ? "" : percent(saved.taxRateBasisPoints()));
                        },
                        () -> model.put("legalName", university.name()));
        model.put("notice", notice == null ? null : "Saved. Invoices issued from now on show these details.");
        return new ModelAndView<>("billing/staff-invoice-settings", model);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> save(
            @CurrentUniversity University university, @CurrentUser SignedInUser staff, @Body SettingsForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String legalName = strip(form.legalName());
        String address = form.address() == null ? "" : form.address().strip();
        String taxId = strip(form.taxId());
        if (legalName.isEmpty()) {
            errors.put("legalName", "Write the university's legal name as it should appear on invoices.");
        } else if (legalName.length() > 200) {
            errors.put("legalName", "Keep the legal name to 200 characters.");
        }
        if (address.isEmpty()) {
            errors.put("address", "Write the postal address invoices should show.");
        } else if (address.length() > 500) {
            errors.put("address", "Keep the address to 500 characters.");
        }
        if (taxId.length() > 64) {
            errors.put("taxId", "Keep the tax id to 64 characters.");
        }
        Integer rate = basisPoints(strip(form.taxRate()));
        if (rate == null) {
            errors.put("taxRate", "Write a percentage from 0 to 100, like 20 or 7.5, or leave it empty for no tax.");
        }
        if (!errors.isEmpty()) {
            Map<String, Object> model = new HashMap<>();
            model.put("university", university);
            model.put("errors", errors);
            model.put("problem", "Check the details below; nothing was saved.");
            model.put("legalName", form.legalName());
            model.put("address", form.address());
            model.put("taxId", form.taxId());
            model.put("taxRate", form.taxRate());
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("billing/staff-invoice-settings", model));
        }
        invoices.saveSettings(university.id(), staff, legalName, address, taxId.isEmpty() ? null : taxId, rate);
        return HttpResponse.seeOther(URI.create("/staff/billing/settings?notice=saved"));
    }

    private static String strip(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    /** "20" or "7.5" (percent) to hundredths of a percent; empty is 0; null when not a rate. */
    @Nullable
    static Integer basisPoints(String typed) {
        if (typed.isEmpty()) {
            return 0;
        }
        try {
            BigDecimal value = new BigDecimal(typed.replace("%", "").strip());
            if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0 || value.scale() > 2) {
                return null;
            }
            return value.movePointRight(2).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static String percent(int basisPoints) {
        return BigDecimal.valueOf(basisPoints)
                .movePointLeft(2)
                .stripTrailingZeros()
                .toPlainString();
    }
}
