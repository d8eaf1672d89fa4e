package com.careerai.notifications;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * Outgoing mail settings ({@code careerai.mail.*}, fed by {@code SMTP_HOST}, {@code SMTP_PORT},
 * {@code SMTP_USER}, {@code SMTP_PASSWORD}, {@code SMTP_STARTTLS} and {@code MAIL_FROM}).
 */
@ConfigurationProperties("careerai.mail")
public class MailConfiguration {
    private @Nullable String smtpHost;
    private int smtpPort = 587;
    private @Nullable String smtpUser;
    private @Nullable String smtpPassword;
    private boolean smtpStarttls = true;
    private String from = "CareerAI <no-reply@careerai.localhost>";
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration sendLease = Duration.ofMinutes(5);

    /** SMTP server; when blank, dev runs an embedded mailbox and other environments cannot send. */
    public @Nullable String getSmtpHost() {
        return smtpHost;
    }

    public void setSmtpHost(@Nullable String smtpHost) {
        this.smtpHost = smtpHost;
    }

    public boolean hasSmtpHost() {
        return smtpHost != null && !smtpHost.isBlank();
    }

    public int getSmtpPort() {
        return smtpPort;
    }

    public void setSmtpPort(int smtpPort) {
        this.smtpPort = smtpPort;
    }

    /** SMTP user name; authentication is used only when it is set. */
    public @Nullable String getSmtpUser() {
        return smtpUser;
    }

    public void setSmtpUser(@Nullable String smtpUser) {
        this.smtpUser = smtpUser;
    }

    public @Nullable String getSmtpPassword() {
        return smtpPassword;
    }

    public void setSmtpPassword(@Nullable String smtpPassword) {
        this.smtpPassword = smtpPassword;
    }

    /** Whether STARTTLS is required before authenticating (on by default). */
    public boolean isSmtpStarttls() {
        return smtpStarttls;
    }

    public void setSmtpStarttls(boolean smtpStarttls) {
        this.smtpStarttls = smtpStarttls;
    }

    /** Sender, {@code Name <address>} or a bare address; the name is replaced by the university's. */
    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /**
     * How long one attempt holds an email it is sending before another attempt may send it: longer
     * than any SMTP conversation (the connect and read time-outs, a few commands), since a second
     * attempt after the lease sends the email again. A sender that died mid-send delays the email's
     * retry this long.
     */
    public Duration getSendLease() {
        return sendLease;
    }

    public void setSendLease(Duration sendLease) {
        this.sendLease = sendLease;
    }
}
