package com.careerai.billing;

import java.util.Set;

/**
 * Implemented by a feature that delivers plan benefits (counselling delivers sessions; a
 * resources feature would deliver premium resources). Plans list only the benefits some bean
 * reports, each naming its feature, so nobody buys what the product does not do.
 */
public interface PlanBenefitProvider {

    /** The feature's name as students see it ("Counselling"). */
    String featureName();

    /** The benefits this feature honours when a plan includes them. */
    Set<PlanBenefit> planBenefits();
}
