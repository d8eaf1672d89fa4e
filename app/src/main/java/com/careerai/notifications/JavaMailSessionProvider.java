package com.careerai.notifications;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.util.Properties;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.eclipse.angus.mail.util.MailStreamProvider;

/**
 * The Jakarta Mail session Micronaut Email sends with: the configured SMTP server with explicit
 * timeouts, or the dev mailbox when dev runs without one.
 *
 * <p>One session for the node, made at the first email. Micronaut Email asks for a session per
 * email, and a new {@link Session} looks up Jakarta Mail's providers and address map on the class
 * path each time (issue 19: a booking's two emails). A session holds only settings: each send
 * still opens its own SMTP connection ({@code Transport.send}), so every email is its own SMTP
 * conversation, as before. The write timeout is kept by one thread of the node's
 * ({@code mail.smtp.executor.writetimeout}): without it Jakarta Mail starts a thread for every SMTP
 * connection to watch its writes.
 *
 * <p>Jakarta Mail also finds its {@code StreamProvider} anew for every body part it makes and every
 * part it writes, by a {@link java.util.ServiceLoader} search of the class path (a fifth of an
 * email's CPU in bench/run's booking profile, issue 19), unless the system property of that name
 * names the class: then it is one class-name look-up. This sets it (to Angus Mail's, the only one
 * on the class path) unless the JVM was started with another.
 */
@Singleton
@Primary
class JavaMailSessionProvider implements SessionProvider {
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, MailStreamProvider.class.getName());
        }
    }

    private final MailConfiguration configuration;
    private final @Nullable DevMailbox devMailbox;
    private final ScheduledThreadPoolExecutor writeTimeouts;
    private volatile @Nullable Session session;

    JavaMailSessionProvider(MailConfiguration configuration, @Nullable DevMailbox devMailbox) {
        this.configuration = configuration;
        this.devMailbox = devMailbox;
        this.writeTimeouts = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "smtp-write-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        // each write schedules its timeout and cancels it when done: drop cancelled ones at once
        this.writeTimeouts.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Session session() {
        Session made = session;
        if (made == null) {
            made = newSession();
            session = made;
        }
        return made;
    }

    private Session newSession() {
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
        properties.put("mail.smtp.executor.writetimeout", writeTimeouts);
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

    @PreDestroy
    void close() {
        writeTimeouts.shutdownNow();
    }
}
