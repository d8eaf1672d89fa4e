package com.careerai.billing;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;
import java.util.Map;

/** The errors of paid expert sessions, each with its status and code. */
public final class ExpertProblems {
    private ExpertProblems() {}

    /** 422 with a message beside a field. */
    public static final class Invalid extends ProblemException {
        private static final long serialVersionUID = 1L;
        private final Map<String, String> fields;

        Invalid(String field, String message) {
            super(HttpStatus.UNPROCESSABLE_ENTITY, "validation_failed", message);
            this.fields = Map.of(field, message);
        }

        @Override
        public Map<String, String> fields() {
            return fields;
        }
    }

    /**
     * 409: the university takes payments through a provider that cannot pay an expert's share
     * (Razorpay); paid expert sessions need Stripe there.
     */
    public static final class StripeRequired extends ProblemException {
        private static final long serialVersionUID = 1L;

        /** What students and counsellors are told. */
        public static final String MESSAGE = "Paid sessions need Stripe at this university: its payments go through"
                + " Razorpay, which cannot pay an expert's share yet. Choose a free session, or ask the careers team.";

        StripeRequired() {
            super(HttpStatus.CONFLICT, "stripe_required", MESSAGE);
        }
    }

    /**
     * 409: the payout account asked for is not the university's provider's kind: Stripe onboarding
     * at a Razorpay university (experts record a Route linked account there), or a linked account at
     * a Stripe university.
     */
    public static final class WrongPayoutAccount extends ProblemException {
        private static final long serialVersionUID = 1L;

        public static final String RAZORPAY = "Payouts at this university go through Razorpay Route: record your"
                + " Razorpay linked account (acc_…) instead of setting up Stripe.";
        public static final String STRIPE =
                "Payouts at this university go through Stripe: set them up with Stripe instead of a Razorpay account.";

        WrongPayoutAccount(String message) {
            super(HttpStatus.CONFLICT, "wrong_payout_account", message);
        }
    }

    /** 409: the counsellor is not a paid expert (staff mark them) or has no payout account yet. */
    public static final class NotPaidExpert extends ProblemException {
        private static final long serialVersionUID = 1L;

        NotPaidExpert(String message) {
            super(HttpStatus.CONFLICT, "not_paid_expert", message);
        }
    }
}
