package com.careerai.leads;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** Leads settings ({@code careerai.leads.*}). */
@ConfigurationProperties("careerai.leads")
public class LeadsConfiguration {
    private int inquiriesPerAddress = 5;
    private Duration inquiryWindow = Duration.ofMinutes(10);
    private String salesEmail;

    /** Inquiries one client address may send per window (default 5, {@code CAREERAI_LEADS_INQUIRIES_PER_ADDRESS}). */
    public int getInquiriesPerAddress() {
        return inquiriesPerAddress;
    }

    public void setInquiriesPerAddress(int inquiriesPerAddress) {
        this.inquiriesPerAddress = inquiriesPerAddress;
    }

    /** The rate limit's window (default 10 minutes). */
    public Duration getInquiryWindow() {
        return inquiryWindow;
    }

    public void setInquiryWindow(Duration inquiryWindow) {
        this.inquiryWindow = inquiryWindow;
    }

    /**
     * Where sales leads from the platform's own contact page are emailed (the operators), or unset
     * to only store them ({@code CAREERAI_LEADS_SALES_EMAIL}); {@code tenant-admin leads} lists them.
     */
    @io.micronaut.core.annotation.Nullable
    public String getSalesEmail() {
        return salesEmail;
    }

    public void setSalesEmail(@io.micronaut.core.annotation.Nullable String salesEmail) {
        this.salesEmail = salesEmail;
    }
}
