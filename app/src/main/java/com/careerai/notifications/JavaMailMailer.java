package com.careerai.notifications;

import io.micronaut.email.Attachment;
import io.micronaut.email.Contact;
import io.micronaut.email.Email;
import io.micronaut.email.EmailException;
import io.micronaut.email.MultipartBody;
import io.micronaut.email.javamail.sender.JavaxEmailSender;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;

/** {@link Mailer} over SMTP with Micronaut Email's Jakarta Mail sender. */
@Singleton
class JavaMailMailer implements Mailer {
    private final JavaxEmailSender sender;
    private final String fromAddress;

    JavaMailMailer(JavaxEmailSender sender, MailConfiguration configuration) {
        this.sender = sender;
        this.fromAddress = addressOf(configuration.getFrom());
    }

    @Override
    public void send(MailMessage message) {
        Email.Builder builder = Email.builder()
                .from(new Contact(fromAddress, message.fromName()))
                .to(message.to())
                .subject(message.subject())
                .body(new MultipartBody(message.html(), message.text()));
        for (MailAttachment attachment : message.attachments()) {
            builder.attachment(Attachment.builder()
                    .filename(attachment.filename())
                    .contentType(attachment.contentType())
                    .content(attachment.content().getBytes(StandardCharsets.UTF_8))
                    .build());
        }
        Email email = builder.build();
        try {
            sender.send(email, mime -> message.headers().forEach((name, value) -> {
                try {
                    mime.setHeader(name, value);
                } catch (MessagingException e) {
                    throw new MailDeliveryException("Could not set header " + name, e);
                }
            }));
        } catch (EmailException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new MailDeliveryException("SMTP send failed: " + cause.getMessage(), e);
        }
    }

    private static String addressOf(String from) {
        try {
            return new InternetAddress(from, true).getAddress();
        } catch (AddressException e) {
            throw new IllegalArgumentException("MAIL_FROM is not an email address: " + from, e);
        }
    }
}
