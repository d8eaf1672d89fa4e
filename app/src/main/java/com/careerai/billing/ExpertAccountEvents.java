package com.careerai.billing;

import static com.careerai.billing.StripeJson.flag;
import static com.careerai.billing.StripeJson.text;

import com.careerai.billing.PaymentGateway.WebhookEvent;
import com.careerai.platform.data.UnitOfWork;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * {@code account.updated} for an expert's connected account, inside {@link StripeEventProcessor}'s
 * exactly-once transaction: routed to the expert's university by the account id, then
 * {@code charges_enabled}, {@code payouts_enabled} and {@code details_submitted} recorded unless a
 * later event was recorded already (Stripe does not promise order).
 */
@Singleton
class ExpertAccountEvents {
    private final ExpertAccountStore store;
    private final UnitOfWork units;

    ExpertAccountEvents(ExpertAccountStore store, UnitOfWork units) {
        this.store = store;
        this.units = units;
    }

    EventOutcome accountUpdated(WebhookEvent event) {
        String accountId = text(event.object(), "id");
        if (accountId == null) {
            return EventOutcome.ignored("account.updated without an account id");
        }
        Optional<ExpertAccountStore.Route> route = store.route(accountId);
        if (route.isEmpty()) {
            return EventOutcome.ignored("account " + accountId + " is not a CareerAI expert's");
        }
        long universityId = route.get().universityId();
        units.enter(universityId);
        boolean charges = flag(event.object(), "charges_enabled");
        boolean payouts = flag(event.object(), "payouts_enabled");
        boolean submitted = flag(event.object(), "details_submitted");
        boolean applied = store.updateState(universityId, accountId, charges, payouts, submitted, event.created());
        EventOutcome.Owner owner =
                new EventOutcome.Owner(universityId, route.get().userId());
        return EventOutcome.processed(
                owner,
                applied
                        ? "expert account " + accountId + ": charges " + charges + ", payouts " + payouts
                        : "expert account " + accountId + ": a later update was applied already");
    }
}
