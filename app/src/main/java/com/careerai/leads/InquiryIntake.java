package com.careerai.leads;

import com.careerai.auth.ClientAddresses;
import com.careerai.auth.RateLimit;
import com.careerai.auth.RateLimiter;
import com.careerai.tenancy.University;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.OptionalLong;

/**
 * The front door of inquiries, shared by the form and the API: a rate limit per client address
 * (Redis), then the honeypot — a bot that filled the hidden field is answered as if accepted and
 * nothing is kept — then {@link Leads#receive}.
 */
@Singleton
class InquiryIntake {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Leads leads;
    private final SalesLeads salesLeads;
    private final RateLimiter rateLimiter;
    private final ClientAddresses clientAddresses;
    private final LeadsConfiguration configuration;

    InquiryIntake(
            Leads leads,
            SalesLeads salesLeads,
            RateLimiter rateLimiter,
            ClientAddresses clientAddresses,
            LeadsConfiguration configuration) {
        this.leads = leads;
        this.salesLeads = salesLeads;
        this.rateLimiter = rateLimiter;
        this.clientAddresses = clientAddresses;
        this.configuration = configuration;
    }

    /**
     * The lead the inquiry became; for a bot, a made-up id (nothing stored).
     *
     * @throws LeadException for invalid fields
     * @throws com.careerai.auth.RateLimitedException past the address's limit
     */
    long submit(HttpRequest<?> request, University university, Inquiry inquiry, @Nullable String honeypot) {
        rateLimiter.hit(
                "lead-inquiry:" + university.id(),
                clientAddresses.of(request),
                new RateLimit(configuration.getInquiriesPerAddress(), configuration.getInquiryWindow()),
                "Too many inquiries from your address. Try again in %s.");
        OptionalLong bot = honeypot != null && !honeypot.isBlank()
                ? OptionalLong.of(1_000_000 + RANDOM.nextInt(9_000_000))
                : OptionalLong.empty();
        if (bot.isPresent()) {
            return bot.getAsLong();
        }
        return leads.receive(university, inquiry).leadId();
    }

    /**
     * A sales lead from the platform's own contact page, behind the same rate limit (its own bucket)
     * and honeypot; for a bot, nothing is stored and nobody is emailed.
     *
     * @throws LeadException for invalid fields
     * @throws com.careerai.auth.RateLimitedException past the address's limit
     */
    void submitSales(HttpRequest<?> request, SalesLeads.Submitted submitted, @Nullable String honeypot) {
        rateLimiter.hit(
                "sales-lead",
                clientAddresses.of(request),
                new RateLimit(configuration.getInquiriesPerAddress(), configuration.getInquiryWindow()),
                "Too many messages from your address. Try again in %s.");
        if (honeypot != null && !honeypot.isBlank()) {
            return;
        }
        salesLeads.receive(submitted);
    }
}
