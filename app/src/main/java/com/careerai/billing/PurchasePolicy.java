package com.careerai.billing;

import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether students of a university may buy credit packs and plans themselves: a staff setting,
 * on by default. Together with Stripe being configured it decides whether anyone is offered a
 * "Buy" at all ({@link #offerTo}); staff and counsellors never are.
 */
@Singleton
public class PurchasePolicy {
    static final String PURCHASES_OFF = "Your university provides your credits, so packs and plans are not sold here."
            + " If you run out, ask your careers service for more.";
    static final String NOT_CONFIGURED = "Payments are not switched on for this site yet, so packs and plans cannot"
            + " be bought right now. Your free credits keep working.";

    /**
     * Whether a person may buy, and if not, why, in words a student understands.
     *
     * @param open a "Buy" may be shown
     * @param reason why not (null when open, and for people who never buy)
     */
    public record Offer(boolean open, String reason) {}

    private final PurchasePolicyStore store;
    private final PaymentProviders providers;
    private final AuditLog auditLog;
    private final PageReads reads;

    PurchasePolicy(PurchasePolicyStore store, PaymentProviders providers, AuditLog auditLog, PageReads reads) {
        this.store = store;
        this.reads = reads;
        this.providers = providers;
        this.auditLog = auditLog;
    }

    /** The staff setting: students may buy (the default) or not. */
    public boolean studentsMayBuy(long universityId) {
        return reads.readOnce(PurchasePolicyStore.studentsMayBuy(universityId)).orElse(true);
    }

    /** What {@link #offerTo} will read for this person, for a page to send ahead (ADR 0076). */
    public List<PageRead<?>> offerReads(SignedInUser user) {
        if (user.role() != Role.STUDENT || !providers.anyConfigured()) {
            return List.of();
        }
        // the university's choice of provider (when only one is configured) and its policy, together:
        // the policy is read even where the chosen provider turns out not to be configured
        List<PageRead<?>> ahead = new ArrayList<>(providers.configuredReads(user.universityId()));
        ahead.add(PurchasePolicyStore.studentsMayBuy(user.universityId()));
        return ahead;
    }

    /** Whether a "Buy" may be offered to this person: a student, billing configured, purchases on. */
    public Offer offerTo(SignedInUser user) {
        if (user.role() != Role.STUDENT) {
            return new Offer(false, null);
        }
        if (!providers.configured(user.universityId())) {
            return new Offer(false, NOT_CONFIGURED);
        }
        if (!studentsMayBuy(user.universityId())) {
            return new Offer(false, PURCHASES_OFF);
        }
        return new Offer(true, null);
    }

    /** Staff turn students' purchases on or off; audited. */
    @Transactional
    public void change(long universityId, SignedInUser staff, boolean studentsMayBuy) {
        boolean before = studentsMayBuy(universityId);
        store.save(universityId, studentsMayBuy, "user:" + staff.userId());
        if (before != studentsMayBuy) {
            auditLog.record(
                    universityId,
                    "user:" + staff.userId(),
                    studentsMayBuy ? "billing.purchases.on" : "billing.purchases.off",
                    Map.of());
        }
    }
}
