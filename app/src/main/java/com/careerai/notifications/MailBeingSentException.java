package com.careerai.notifications;

/**
 * Another attempt holds the email's lease (it is sending it now, or died doing so and the lease has
 * not expired): this attempt sends nothing and the email's delivery is tried again later, when it is
 * either sent or free.
 */
class MailBeingSentException extends MailDeliveryException {
    private static final long serialVersionUID = 1L;

    MailBeingSentException(long deliveryId) {
        super("mail delivery " + deliveryId + " is being sent by another attempt; tried again later");
    }
}
