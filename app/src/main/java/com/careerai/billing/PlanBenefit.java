package com.careerai.billing;

/** What a plan can include besides credits; each is delivered by a feature (see {@link PlanBenefitProvider}). */
public enum PlanBenefit {
    /** Counselling sessions a month, paid for by the plan. */
    COUNSELLING_SESSIONS,
    /** CV reviews by a counsellor a month. */
    CV_REVIEWS,
    /** Premium resources and guides. */
    PREMIUM_RESOURCES
}
