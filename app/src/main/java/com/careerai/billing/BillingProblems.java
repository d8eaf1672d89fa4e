package com.careerai.billing;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;
import java.util.Map;

/** The errors students can meet on /billing, each with its status and code. */
final class BillingProblems {
    private BillingProblems() {}

    /** 503: no Stripe key is configured. */
    static final class NotConfigured extends ProblemException {
        private static final long serialVersionUID = 1L;

        NotConfigured() {
            super(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "billing_not_configured",
                    "Billing is not configured on this site yet, so nothing can be bought. Your careers service can set it up.");
        }
    }

    /** 403: the university does not let students buy credits or plans themselves. */
    static final class PurchasesOff extends ProblemException {
        private static final long serialVersionUID = 1L;

        PurchasesOff() {
            super(HttpStatus.FORBIDDEN, "purchases_off", PurchasePolicy.PURCHASES_OFF);
        }
    }

    /** 422: the purchases policy was sent without its value. */
    static final class PolicyMissing extends ProblemException {
        private static final long serialVersionUID = 1L;

        PolicyMissing() {
            super(HttpStatus.UNPROCESSABLE_ENTITY, "validation_failed", "Send studentsMayBuy: true or false.");
        }

        @Override
        public Map<String, String> fields() {
            return Map.of("studentsMayBuy", "Send true or false.");
        }
    }

    /** 403: only students buy credits and plans. */
    static final class StudentsOnly extends ProblemException {
        private static final long serialVersionUID = 1L;

        StudentsOnly() {
            super(HttpStatus.FORBIDDEN, "students_only", "Credit packs and plans are for students.");
        }
    }

    /** 422: the product is not in the catalogue. */
    static final class UnknownProduct extends ProblemException {
        private static final long serialVersionUID = 1L;

        UnknownProduct() {
            super(HttpStatus.UNPROCESSABLE_ENTITY, "unknown_product", "Choose one of the packs or plans on this page.");
        }

        @Override
        public Map<String, String> fields() {
            return Map.of("product", "Choose one of the packs or plans on this page.");
        }
    }

    /** 409: a second plan while one is active. */
    static final class AlreadySubscribed extends ProblemException {
        private static final long serialVersionUID = 1L;

        AlreadySubscribed(String plan) {
            super(
                    HttpStatus.CONFLICT,
                    "already_subscribed",
                    "You already have the " + plan
                            + " plan. Change or cancel it on the billing page (\"Manage subscription\" or \"Cancel"
                            + " plan\").");
        }
    }

    /** 404: no such payment of this student. */
    static final class PaymentNotFound extends ProblemException {
        private static final long serialVersionUID = 1L;

        PaymentNotFound() {
            super(HttpStatus.NOT_FOUND, "payment_not_found", "There is no such payment in your account.");
        }
    }

    /** 409: the portal needs a Stripe customer, which exists after a first purchase. */
    static final class NoCustomer extends ProblemException {
        private static final long serialVersionUID = 1L;

        NoCustomer() {
            super(
                    HttpStatus.CONFLICT,
                    "no_subscription",
                    "There is no subscription to manage yet: choose a plan first.");
        }
    }

    /** 409: cancelling a plan the student does not have (or one Stripe's portal manages). */
    static final class NoPlanToCancel extends ProblemException {
        private static final long serialVersionUID = 1L;

        NoPlanToCancel() {
            super(HttpStatus.CONFLICT, "no_subscription", "There is no plan to cancel.");
        }
    }
}
