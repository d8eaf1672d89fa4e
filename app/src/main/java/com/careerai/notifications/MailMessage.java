package com.careerai.notifications;

import java.util.List;
import java.util.Map;

/**
 * A rendered email, ready for a {@link Mailer}.
 *
 * @param to recipient address
 * @param fromName display name of the sender (the address itself comes from {@code MAIL_FROM})
 * @param subject subject line
 * @param html HTML body
 * @param text plain-text body (sent as the alternative to {@code html})
 * @param headers extra headers, e.g. {@code X-CareerAI-University}
 * @param attachments text attachments (e.g. an iCalendar invitation)
 */
public record MailMessage(
        String to,
        String fromName,
        String subject,
        String html,
        String text,
        Map<String, String> headers,
        List<MailAttachment> attachments) {

    public MailMessage(
            String to, String fromName, String subject, String html, String text, Map<String, String> headers) {
        this(to, fromName, subject, html, text, headers, List.of());
    }
}
