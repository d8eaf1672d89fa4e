package com.careerai.platform.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** Response hardening settings ({@code careerai.http.*}); see ADR 0014. */
@ConfigurationProperties("careerai.http")
public class HttpHardeningConfiguration {
    private boolean hsts;
    private Duration hstsMaxAge = Duration.ofDays(365);

    /**
     * Whether responses carry {@code Strict-Transport-Security} ({@code CAREERAI_HTTP_HSTS}); on in
     * the {@code prod} environment, off in dev and tests, which are served over plain HTTP.
     */
    public boolean isHsts() {
        return hsts;
    }

    public void setHsts(boolean hsts) {
        this.hsts = hsts;
    }

    /** How long browsers remember to use HTTPS only. */
    public Duration getHstsMaxAge() {
        return hstsMaxAge;
    }

    public void setHstsMaxAge(Duration hstsMaxAge) {
        this.hstsMaxAge = hstsMaxAge;
    }
}
