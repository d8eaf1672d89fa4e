package com.careerai.notifications;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded SMTP server (GreenMail) that catches every email in dev when no {@code SMTP_HOST}
 * is set, so the demo works without a mail account; {@code /dev/mail} shows what it caught.
 * Never exists outside the {@code dev} environment.
 */
@Context
@Requires(env = "dev")
@Requires(condition = DevMailbox.NoSmtpHost.class)
public class DevMailbox {
    /** Header naming the university an email was sent for (lets {@code /dev/mail} show only that one's). */
    public static final String UNIVERSITY_HEADER = "X-CareerAI-University";

    private static final Logger LOG = LoggerFactory.getLogger(DevMailbox.class);

    /** One caught email. */
    public record CaughtMail(String to, String subject, Instant receivedAt, String text) {}

    private final GreenMail greenMail;

    DevMailbox() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        LOG.warn(
                "*** SMTP_HOST is not set: emails go to the EMBEDDED dev mailbox (SMTP port {}); read them at /dev/mail ***",
                port());
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** The newest emails sent for {@code subdomain}, newest first. */
    public List<CaughtMail> latest(String subdomain, int limit) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(message -> subdomain.equals(header(message, UNIVERSITY_HEADER)))
                .map(DevMailbox::caught)
                .sorted(Comparator.comparing(CaughtMail::receivedAt).reversed())
                .limit(limit)
                .toList();
    }

    @PreDestroy
    void stop() {
        greenMail.stop();
    }

    private static CaughtMail caught(MimeMessage message) {
        try {
            String to = Arrays.stream(message.getAllRecipients())
                    .map(Address::toString)
                    .collect(Collectors.joining(", "));
            Instant at = message.getSentDate() != null ? message.getSentDate().toInstant() : Instant.EPOCH;
            return new CaughtMail(to, message.getSubject(), at, plainText(message));
        } catch (MessagingException | IOException e) {
            return new CaughtMail("?", "(unreadable message: " + e.getMessage() + ")", Instant.EPOCH, "");
        }
    }

    private static @Nullable String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (MessagingException e) {
            return null;
        }
    }

    /** The text/plain part of a message (the first one found), or an empty string. */
    static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = plainText(child);
                if (!text.isEmpty()) {
                    texts.add(text);
                }
            }
            return texts.isEmpty() ? "" : texts.get(0);
        }
        return "";
    }

    /** True when no SMTP server is configured. */
    static final class NoSmtpHost implements Condition {
        @Override
        @SuppressWarnings("rawtypes")
        public boolean matches(ConditionContext context) {
            return context.getProperty("careerai.mail.smtp-host", String.class)
                    .filter(host -> !host.isBlank())
                    .isEmpty();
        }
    }
}
