package com.careerai.leads;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** Leads settings ({@code careerai.leads.*}). */
@ConfigurationProperties("careerai.leads")
public class LeadsConfiguration {
    private int inquiriesPerAddress = 5;
    private Duration inquiryWindow = Duration.ofMinutes(10);

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
}
