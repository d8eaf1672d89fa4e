package com.careerai.billing;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns products, subscriptions and payments into what the billing templates show. */
final class BillingViews {
    private BillingViews() {}

    static Map<String, Object> product(Product product, Product current, Map<PlanBenefit, String> benefits) {
        Map<String, Object> view = new HashMap<>();
        view.put("id", product.id());
        view.put("name", product.name());
        view.put("description", product.description());
        view.put("price", product.price());
        view.put("plan", product.isPlan());
        view.put("credits", product.credits());
        view.put("creditsCurrency", product.creditsCurrency().key());
        view.put("gold", product.creditsCurrency() == com.careerai.credits.Currency.GOLD);
        view.put("features", product.features(benefits));
        view.put("featured", product.featured());
        view.put("current", current != null && current.id().equals(product.id()));
        return view;
    }

    static List<Map<String, Object>> products(
            List<Product> products, Product current, Map<PlanBenefit, String> benefits) {
        return products.stream()
                .map(product -> product(product, current, benefits))
                .toList();
    }

    static Map<String, Object> subscription(
            Subscription subscription, Product plan, Map<PlanBenefit, String> benefits) {
        Map<String, Object> view = new HashMap<>();
        view.put("name", plan == null ? subscription.product() : plan.name());
        view.put("price", plan == null ? null : plan.price());
        view.put("features", plan == null ? List.of() : plan.features(benefits));
        view.put("status", statusLabel(subscription.status()));
        view.put("badge", "past_due".equals(subscription.status()) ? "warn" : "ok");
        view.put("pastDue", "past_due".equals(subscription.status()));
        Instant end = subscription.currentPeriodEnd();
        if (end != null) {
            view.put(
                    "period",
                    (subscription.cancelAtPeriodEnd() ? "Ends on " : "Renews on ") + Receipts.DAY.format(end));
        } else if (subscription.cancelAtPeriodEnd()) {
            view.put("period", "Ends at the end of this month");
        }
        return view;
    }

    static Map<String, Object> payment(Payment payment) {
        Map<String, Object> view = new HashMap<>();
        view.put("id", payment.id().toString());
        view.put("reference", Receipts.reference(payment));
        view.put("date", Receipts.DAY.format(payment.paidAt() == null ? payment.createdAt() : payment.paidAt()));
        view.put("description", payment.description());
        view.put("amount", payment.amount());
        view.put("credits", Receipts.credits(payment));
        view.put("status", payment.status().name());
        view.put("statusLabel", statusLabel(payment.status()));
        view.put("badge", badge(payment.status()));
        view.put("credited", payment.status().credited());
        view.put("pending", payment.status() == PaymentStatus.PENDING);
        view.put("receiptUrl", payment.status().credited() ? "/billing/payments/" + payment.id() + "/receipt" : null);
        view.put(
                "invoiceUrl",
                payment.status().credited() ? "/billing/payments/" + payment.id() + "/invoice.pdf" : null);
        if (payment.refundedCents() > 0) {
            view.put("refunded", Money.formatExact(payment.refundedCents(), payment.currency()));
        }
        view.put("creditsReversed", payment.creditsReversed());
        view.put("creditsOwed", payment.creditsOwed());
        view.put("creditsCurrency", payment.creditsCurrency().key());
        return view;
    }

    static String statusLabel(PaymentStatus status) {
        return switch (status) {
            case PENDING -> "Awaiting payment";
            case PAID -> "Paid";
            case FAILED -> "Failed";
            case EXPIRED -> "Cancelled";
            case REFUNDED -> "Refunded";
            case PARTIALLY_REFUNDED -> "Partly refunded";
        };
    }

    private static String badge(PaymentStatus status) {
        return switch (status) {
            case PAID -> "ok";
            case FAILED -> "bad";
            case PENDING, PARTIALLY_REFUNDED, REFUNDED -> "warn";
            case EXPIRED -> "";
        };
    }

    private static String statusLabel(String subscriptionStatus) {
        return switch (subscriptionStatus) {
            case "active" -> "Active";
            case "trialing" -> "Trial";
            case "past_due" -> "Payment overdue";
            case "canceled" -> "Cancelled";
            default -> subscriptionStatus.replace('_', ' ');
        };
    }
}
