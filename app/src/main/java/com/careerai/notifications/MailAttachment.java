package com.careerai.notifications;

/**
 * A small text attachment of an email, e.g. an iCalendar invitation.
 *
 * @param filename the name mail clients show, e.g. {@code invite.ics}
 * @param contentType its MIME type, e.g. {@code text/calendar; charset=UTF-8; method=REQUEST}
 * @param content the attachment itself (text, UTF-8)
 */
@io.micronaut.serde.annotation.Serdeable
public record MailAttachment(String filename, String contentType, String content) {}
