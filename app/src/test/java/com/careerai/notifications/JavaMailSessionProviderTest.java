package com.careerai.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One Jakarta Mail session per node (issue 19: a new one per email looked Jakarta Mail's providers
 * up on the class path each time), and still one SMTP conversation per email; the stream provider
 * named, not searched for at every body part.
 */
class JavaMailSessionProviderTest {
    private GreenMail server;
    private JavaMailSessionProvider provider;

    @BeforeEach
    void start() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        MailConfiguration configuration = new MailConfiguration();
        configuration.setSmtpHost("127.0.0.1");
        configuration.setSmtpPort(server.getSmtp().getPort());
        configuration.setSmtpStarttls(false);
        provider = new JavaMailSessionProvider(configuration, null);
    }

    @AfterEach
    void stop() {
        provider.close();
        server.stop();
    }

    @Test
    void everyEmailIsSentWithTheSameSessionEachOverItsOwnConnection() throws Exception {
        Session first = provider.session();
        send(provider.session(), "one@example.edu");
        send(provider.session(), "two@example.edu");

        assertThat(provider.session()).isSameAs(first);
        assertThat(Arrays.stream(server.getReceivedMessages()).map(this::recipient))
                .containsExactly("one@example.edu", "two@example.edu");
    }

    @Test
    void writeTimeoutsAreWatchedByOneSharedThreadNotOnePerConnection() {
        assertThat(provider.session().getProperties().get("mail.smtp.executor.writetimeout"))
                .isInstanceOf(ScheduledExecutorService.class);
        assertThat(provider.session().getProperty("mail.smtp.writetimeout")).isEqualTo("30000");
    }

    @Test
    void jakartaMailIsToldItsStreamProviderInsteadOfSearchingTheClassPathForIt() {
        assertThat(System.getProperty(JavaMailSessionProvider.STREAM_PROVIDER))
                .isEqualTo(MailStreamProvider.class.getName());
        assertThat(StreamProvider.provider()).isInstanceOf(MailStreamProvider.class);
    }

    private void send(Session session, String to) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("no-reply@careerai.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Hello");
        message.setText("Hello " + to);
        Transport.send(message);
    }

    private String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
