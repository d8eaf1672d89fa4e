package com.careerai.notifications;

/** A message could not be handed to the mail server; the job that sent it is retried. */
public class MailDeliveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }

    public MailDeliveryException(String message) {
        super(message);
    }
}
