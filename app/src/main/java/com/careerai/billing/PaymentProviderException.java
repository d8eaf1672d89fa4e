package com.careerai.billing;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;

/** 502: Stripe refused a request or could not be reached; nothing was charged. */
class PaymentProviderException extends ProblemException {
    private static final long serialVersionUID = 1L;

    PaymentProviderException(String message, Throwable cause) {
        super(HttpStatus.BAD_GATEWAY, "payment_provider_error", message);
        initCause(cause);
    }
}
