package com.careerai.billing;

import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which payment provider a university takes money through, and in which currency its prices are
 * shown and charged ({@code payment_settings}; no row = Stripe in each product's own currency).
 * Operators change it with {@code tenant-admin update --payments razorpay --currency INR}.
 */
@Singleton
public class PaymentSettings {
    private static final Pattern ISO_CURRENCY = Pattern.compile("[a-z]{3}");

    /** The providers a university can choose. */
    public enum Provider {
        STRIPE,
        RAZORPAY;

        /** The name stored and typed ({@code stripe}, {@code razorpay}). */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The provider named {@code value} (any case), if it is one. */
        public static Optional<Provider> parse(@Nullable String value) {
            if (value == null) {
                return Optional.empty();
            }
            for (Provider provider : values()) {
                if (provider.key().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return Optional.of(provider);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A university's choice.
     *
     * @param currency ISO code, lower case; null = each product's own currency
     */
    public record Settings(Provider provider, @Nullable String currency) {
        public static final Settings DEFAULT = new Settings(Provider.STRIPE, null);
    }

    /** 422 from {@link #change}: a currency that is not a three-letter ISO code. */
    public static final class InvalidCurrency extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidCurrency(String currency) {
            super("--currency must be a three-letter ISO code such as INR or USD, not '" + currency + "'");
        }
    }

    private final PaymentSettingsStore store;
    private final AuditLog auditLog;
    private final PageReads reads;

    PaymentSettings(PaymentSettingsStore store, AuditLog auditLog, PageReads reads) {
        this.store = store;
        this.auditLog = auditLog;
        this.reads = reads;
    }

    /** The university's settings (the default when it never chose); read once in a page request. */
    public Settings of(long universityId) {
        return reads.readOnce(PaymentSettingsStore.find(universityId)).orElse(Settings.DEFAULT);
    }

    /** What {@link #of} reads, for a page to send ahead with others (ADR 0076). */
    PageRead<?> read(long universityId) {
        return PaymentSettingsStore.find(universityId);
    }

    /**
     * Changes the provider and/or the currency (null keeps what is set; an empty currency goes back
     * to each product's own); audited when something changed. Returns the settings after.
     *
     * @throws InvalidCurrency for a currency that is not a three-letter code
     */
    @Transactional
    public Settings change(long universityId, @Nullable Provider provider, @Nullable String currency, String actor) {
        Settings before = of(universityId);
        String newCurrency = before.currency();
        if (currency != null) {
            String normalised = currency.trim().toLowerCase(Locale.ROOT);
            if (!normalised.isEmpty() && !ISO_CURRENCY.matcher(normalised).matches()) {
                throw new InvalidCurrency(currency);
            }
            newCurrency = normalised.isEmpty() ? null : normalised;
        }
        Settings after = new Settings(provider == null ? before.provider() : provider, newCurrency);
        if (!after.equals(before)) {
            store.save(universityId, after, actor);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("provider", after.provider().key());
            details.put("currency", after.currency() == null ? "" : after.currency());
            details.put("previousProvider", before.provider().key());
            details.put("previousCurrency", before.currency() == null ? "" : before.currency());
            auditLog.record(universityId, actor, "billing.payments.changed", details);
        }
        return after;
    }
}
