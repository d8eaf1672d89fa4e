package com.careerai.testing;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) on a free port, with a login, that tests point the application
 * at ({@link #properties()}) and read sign-in codes from.
 */
public final class TestMailServer implements AutoCloseable {
    public static final String LOGIN = "careerai-mailer";
    public static final String PASSWORD = "smtp-secret";
    private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");

    private final GreenMail greenMail;
    private final Map<String, Integer> seen = new ConcurrentHashMap<>();
    private final java.util.Set<String> claimed = ConcurrentHashMap.newKeySet();

    private TestMailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static TestMailServer start() {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        greenMail.setUser("mailer@careerai.test", LOGIN, PASSWORD);
        return new TestMailServer(greenMail);
    }

    /** Points the application's mail at this server (plain SMTP with a login, no STARTTLS). */
    public Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("careerai.mail.smtp-host", "127.0.0.1");
        properties.put(
                "careerai.mail.smtp-port", Integer.toString(greenMail.getSmtp().getPort()));
        properties.put("careerai.mail.smtp-user", LOGIN);
        properties.put("careerai.mail.smtp-password", PASSWORD);
        properties.put("careerai.mail.smtp-starttls", "false");
        properties.put("careerai.mail.from", "CareerAI <no-reply@careerai.test>");
        return properties;
    }

    public List<MimeMessage> messagesTo(String recipient) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(message -> isTo(message, recipient))
                .toList();
    }

    /** Waits for an email to {@code recipient} not returned before, and returns it. */
    public MimeMessage awaitNext(String recipient) {
        int already = seen.getOrDefault(recipient, 0);
        await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> messagesTo(recipient).size() > already);
        List<MimeMessage> messages = messagesTo(recipient);
        seen.put(recipient, messages.size());
        return messages.get(messages.size() - 1);
    }

    /** Waits for the next sign-in email to {@code recipient} and returns its code. */
    public String awaitCode(String recipient) {
        String text = text(awaitNext(recipient));
        Matcher matcher = CODE.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no code in the email:\n" + text);
        }
        return matcher.group(1);
    }

    /** The plain-text part of a message. */
    public static String text(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return part.getContent().toString();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String text = text(child);
                    if (!text.isEmpty()) {
                        return text;
                    }
                }
            }
            return "";
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HTML part of a message. */
    public static String html(Part part) {
        try {
            if (part.isMimeType("text/html")) {
                return part.getContent().toString();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    String html = html(multipart.getBodyPart(i));
                    if (!html.isEmpty()) {
                        return html;
                    }
                }
            }
            return "";
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the message's first {@code text/calendar} part (an .ics invitation), or "" without one. */
    public static String calendar(Part part) {
        try {
            if (part.isMimeType("text/calendar")
                    || (part.getFileName() != null && part.getFileName().endsWith(".ics"))) {
                try (java.io.InputStream in = part.getInputStream()) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    String ics = calendar(multipart.getBodyPart(i));
                    if (!ics.isEmpty()) {
                        return ics;
                    }
                }
            }
            return "";
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits for the oldest email to {@code recipient} whose subject starts with {@code prefix} and
     * that this method has not returned before (mails sent together may arrive in any order).
     */
    public MimeMessage awaitSubject(String recipient, String prefix) {
        java.util.concurrent.atomic.AtomicReference<MimeMessage> found =
                new java.util.concurrent.atomic.AtomicReference<>();
        await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    List<MimeMessage> messages = messagesTo(recipient);
                    for (int i = 0; i < messages.size(); i++) {
                        MimeMessage message = messages.get(i);
                        String key =
                                recipient + "|" + (message.getMessageID() == null ? "#" + i : message.getMessageID());
                        if (message.getSubject() != null
                                && message.getSubject().startsWith(prefix)
                                && claimed.add(key)) {
                            found.set(message);
                            return true;
                        }
                    }
                    return false;
                });
        return found.get();
    }

    private static boolean isTo(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            return false;
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
