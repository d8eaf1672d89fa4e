package com.careerai.billing;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.Charge;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ConnectGateway} on stripe-java, with a {@link StripeClient} of its own configured as
 * {@link StripeJavaGateway}'s (same key, API base, timeouts).
 */
@Singleton
class StripeConnectGateway implements ConnectGateway {
    private static final Logger LOG = LoggerFactory.getLogger(StripeConnectGateway.class);

    @Nullable
    private final StripeClient client;

    StripeConnectGateway(BillingConfiguration configuration) {
        if (!configuration.checkoutConfigured()) {
            client = null;
            return;
        }
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(configuration.getSecretKey())
                .setConnectTimeout((int) configuration.getConnectTimeout().toMillis())
                .setReadTimeout((int) configuration.getReadTimeout().toMillis())
                .setMaxNetworkRetries(configuration.getMaxNetworkRetries());
        if (!configuration.getApiBase().isEmpty()) {
            builder.setApiBase(configuration.getApiBase());
        }
        client = builder.build();
    }

    @Override
    public String createExpressAccount(long universityId, long userId, String email) {
        AccountCreateParams params = AccountCreateParams.builder()
                .setType(AccountCreateParams.Type.EXPRESS)
                .setEmail(email)
                .setCapabilities(AccountCreateParams.Capabilities.builder()
                        .setCardPayments(AccountCreateParams.Capabilities.CardPayments.builder()
                                .setRequested(true)
                                .build())
                        .setTransfers(AccountCreateParams.Capabilities.Transfers.builder()
                                .setRequested(true)
                                .build())
                        .build())
                .putMetadata(CheckoutMetadata.UNIVERSITY, Long.toString(universityId))
                .putMetadata(CheckoutMetadata.USER, Long.toString(userId))
                .build();
        RequestOptions options = RequestOptions.builder()
                // two clicks at once create one account
                .setIdempotencyKey("expert-account-" + universityId + "-" + userId)
                .build();
        try {
            Account account = requireClient().v1().accounts().create(params, options);
            return account.getId();
        } catch (StripeException e) {
            LOG.warn("Stripe refused an Express account for user {} of {}: {}", userId, universityId, e.getMessage());
            throw new PaymentProviderException(
                    "Stripe could not start your payout account just now. Try again in a minute.", e);
        }
    }

    @Override
    public String onboardingLink(String accountId, String refreshUrl, String returnUrl) {
        AccountLinkCreateParams params = AccountLinkCreateParams.builder()
                .setAccount(accountId)
                .setRefreshUrl(refreshUrl)
                .setReturnUrl(returnUrl)
                .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                .build();
        try {
            return requireClient().v1().accountLinks().create(params).getUrl();
        } catch (StripeException e) {
            LOG.warn("Stripe refused an account link for {}: {}", accountId, e.getMessage());
            throw new PaymentProviderException(
                    "Stripe's onboarding could not be opened just now. Try again in a minute.", e);
        }
    }

    @Override
    public AccountState accountState(String accountId) {
        try {
            Account account = requireClient().v1().accounts().retrieve(accountId);
            return new AccountState(
                    Boolean.TRUE.equals(account.getChargesEnabled()),
                    Boolean.TRUE.equals(account.getPayoutsEnabled()),
                    Boolean.TRUE.equals(account.getDetailsSubmitted()));
        } catch (StripeException e) {
            LOG.warn("Stripe could not be asked about account {}: {}", accountId, e.getMessage());
            throw new PaymentProviderException("Stripe could not be asked about your payout account just now.", e);
        }
    }

    @Override
    public PaymentGateway.CheckoutSession createDestinationCheckout(DestinationCheckout request) {
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(request.successUrl())
                .setCancelUrl(request.cancelUrl())
                .setClientReferenceId(request.paymentId().toString())
                .setExpiresAt(request.expiresAt().getEpochSecond())
                .putAllMetadata(request.metadata())
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(request.currency())
                                .setUnitAmount(request.amountCents())
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(request.name())
                                        .build())
                                .build())
                        .build())
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .setDescription(request.name())
                        .setApplicationFeeAmount(request.feeCents())
                        .setTransferData(SessionCreateParams.PaymentIntentData.TransferData.builder()
                                .setDestination(request.destinationAccount())
                                .build())
                        .putAllMetadata(request.metadata())
                        .build());
        if (request.customerId() != null) {
            params.setCustomer(request.customerId());
        } else {
            params.setCustomerEmail(request.email());
        }
        RequestOptions options = RequestOptions.builder()
                .setIdempotencyKey("checkout-" + request.paymentId())
                .build();
        try {
            com.stripe.model.checkout.Session session =
                    requireClient().v1().checkout().sessions().create(params.build(), options);
            return new PaymentGateway.CheckoutSession(session.getId(), session.getUrl());
        } catch (StripeException e) {
            LOG.warn("Stripe refused a destination checkout for payment {}: {}", request.paymentId(), e.getMessage());
            throw new PaymentProviderException(
                    "The payment page could not be opened just now; nothing was charged. Try again in a minute.", e);
        }
    }

    @Override
    public boolean expireCheckout(String sessionId) {
        try {
            requireClient().v1().checkout().sessions().expire(sessionId);
            return true;
        } catch (com.stripe.exception.InvalidRequestException refused) {
            // Only an open session can be expired: ask what it is instead.
            try {
                String status = requireClient()
                        .v1()
                        .checkout()
                        .sessions()
                        .retrieve(sessionId)
                        .getStatus();
                return !"complete".equals(status);
            } catch (StripeException e) {
                throw new PaymentProviderException("Stripe could not be asked about checkout " + sessionId, e);
            }
        } catch (StripeException e) {
            throw new PaymentProviderException("Stripe could not close checkout " + sessionId, e);
        }
    }

    @Override
    public PaymentGateway.ProviderRefund refundDestinationCharge(
            String idempotencyKey, String paymentIntentId, @Nullable Long amountCents, Map<String, String> metadata) {
        RefundCreateParams.Builder params = RefundCreateParams.builder()
                .setPaymentIntent(paymentIntentId)
                .setReverseTransfer(true)
                .setRefundApplicationFee(true)
                .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                .putAllMetadata(metadata)
                .addExpand("charge");
        if (amountCents != null) {
            params.setAmount(amountCents);
        }
        RequestOptions options =
                RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
        try {
            Refund refund = requireClient().v1().refunds().create(params.build(), options);
            Charge charge = refund.getChargeObject();
            long amount = charge == null || charge.getAmount() == null ? 0 : charge.getAmount();
            long refunded = charge == null || charge.getAmountRefunded() == null ? 0 : charge.getAmountRefunded();
            return new PaymentGateway.ProviderRefund(
                    refund.getId(),
                    refund.getStatus() == null ? "pending" : refund.getStatus(),
                    refund.getCharge(),
                    amount,
                    refunded);
        } catch (StripeException e) {
            LOG.warn("Stripe refused refund {}: {}", idempotencyKey, e.getMessage());
            throw new PaymentProviderException(
                    "Stripe did not accept the refund just now: " + e.getMessage()
                            + " Nothing was refunded; try again.",
                    e);
        }
    }

    private StripeClient requireClient() {
        if (client == null) {
            throw new BillingProblems.NotConfigured();
        }
        return client;
    }
}
