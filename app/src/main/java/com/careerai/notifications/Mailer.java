package com.careerai.notifications;

import com.careerai.platform.web.CallsOut;

/**
 * Sends one email now. The only door to an SMTP server (or any other mail transport): features
 * never call it directly but queue mail through {@link Mail}, whose worker job calls this port
 * with retries.
 */
public interface Mailer {

    /**
     * Hands the message to the mail server.
     *
     * @throws MailDeliveryException when the server cannot be reached or refuses the message
     */
    @CallsOut
    void send(MailMessage message);
}
