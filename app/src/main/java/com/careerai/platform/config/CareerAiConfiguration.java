package com.careerai.platform.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.Arrays;

/** Top-level CareerAI settings ({@code careerai.*}); environment variables feed them. */
@ConfigurationProperties("careerai")
public class CareerAiConfiguration {
    /** Default base domain: browsers resolve {@code *.localhost} to this machine. */
    public static final String DEFAULT_BASE_DOMAIN = "careerai.localhost";

    @NotBlank
    private String baseDomain = DEFAULT_BASE_DOMAIN;

    private String roles = "web,worker";
    private boolean demo;
    private Duration tenantCacheTtl = Duration.ofSeconds(30);
    private @io.micronaut.core.annotation.Nullable String siteUrl;

    /** The domain whose subdomains are universities ({@code CAREERAI_BASE_DOMAIN}). */
    public String getBaseDomain() {
        return baseDomain;
    }

    public void setBaseDomain(String baseDomain) {
        this.baseDomain = baseDomain.toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code web}, {@code worker} or both ({@code CAREERAI_ROLES}). */
    public String getRoles() {
        return roles;
    }

    public void setRoles(String roles) {
        this.roles = roles;
    }

    public boolean hasRole(String role) {
        return Arrays.stream(roles.split(",")).map(String::trim).anyMatch(role::equalsIgnoreCase);
    }

    /** Whether the demo university is seeded at start-up ({@code CAREERAI_DEMO}). */
    public boolean isDemo() {
        return demo;
    }

    public void setDemo(boolean demo) {
        this.demo = demo;
    }

    /** How long a node trusts its cached view of a university before reading it again. */
    public Duration getTenantCacheTtl() {
        return tenantCacheTtl;
    }

    public void setTenantCacheTtl(Duration tenantCacheTtl) {
        this.tenantCacheTtl = tenantCacheTtl;
    }

    /**
     * Address of a university's site, {@code {subdomain}} standing for its subdomain
     * ({@code CAREERAI_SITE_URL}, default {@code https://{subdomain}.<base domain>}). Every absolute
     * URL the app hands out (payment return addresses, sign-in callbacks, links in emails) is built
     * from it, never from a request's Host header.
     */
    public String getSiteUrl() {
        return siteUrl == null || siteUrl.isBlank() ? "https://{subdomain}." + baseDomain : siteUrl;
    }

    public void setSiteUrl(@io.micronaut.core.annotation.Nullable String siteUrl) {
        this.siteUrl = siteUrl;
    }

    /** The site of the university at {@code subdomain}, e.g. {@code https://mit.careerai.example}. */
    public String siteUrlOf(String subdomain) {
        return getSiteUrl().replace("{subdomain}", subdomain);
    }

    /** The platform's own site on the bare base domain. */
    public String rootUrl() {
        return getSiteUrl().replace("{subdomain}.", "");
    }
}
