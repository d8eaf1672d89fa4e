package com.careerai.notifications;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.util.Properties;

/**
 * The Jakarta Mail session Micronaut Email sends with: the configured SMTP server with explicit
 * timeouts, or the dev mailbox when dev runs without one.
 */
@Singleton
@Primary
class JavaMailSessionProvider implements SessionProvider {
    private final MailConfiguration configuration;
    private final @Nullable DevMailbox devMailbox;

    JavaMailSessionProvider(MailConfiguration configuration, @Nullable DevMailbox devMailbox) {
        this.configuration = configuration;
        this.devMailbox = devMailbox;
    }

    @Override
    public Session session() {
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put(
                "mail.smtp.connectiontimeout",
                Long.toString(configuration.getConnectTimeout().toMillis()));
        properties.put(
                "mail.smtp.timeout",
                Long.toString(configuration.getReadTimeout().toMillis()));
        properties.put(
                "mail.smtp.writetimeout",
                Long.toString(configuration.getReadTimeout().toMillis()));
        if (configuration.hasSmtpHost()) {
            properties.put("mail.smtp.host", configuration.getSmtpHost());
            properties.put("mail.smtp.port", Integer.toString(configuration.getSmtpPort()));
            properties.put("mail.smtp.starttls.enable", Boolean.toString(configuration.isSmtpStarttls()));
            properties.put("mail.smtp.starttls.required", Boolean.toString(configuration.isSmtpStarttls()));
            String user = configuration.getSmtpUser();
            if (user != null && !user.isBlank()) {
                properties.put("mail.smtp.auth", "true");
                String password = configuration.getSmtpPassword() == null ? "" : configuration.getSmtpPassword();
                return Session.getInstance(properties, new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(user, password);
                    }
                });
            }
            return Session.getInstance(properties);
        }
        if (devMailbox != null) {
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", Integer.toString(devMailbox.port()));
            return Session.getInstance(properties);
        }
        throw new MailDeliveryException("SMTP_HOST is not set: this node cannot send email");
    }
}
