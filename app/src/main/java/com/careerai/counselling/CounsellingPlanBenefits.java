package com.careerai.counselling;

import com.careerai.billing.PlanBenefit;
import com.careerai.billing.PlanBenefitProvider;
import jakarta.inject.Singleton;
import java.util.Set;

/** Counselling honours a plan's monthly sessions (booking pays with them), so plans may list them. */
@Singleton
class CounsellingPlanBenefits implements PlanBenefitProvider {

    @Override
    public String featureName() {
        return "Counselling";
    }

    @Override
    public Set<PlanBenefit> planBenefits() {
        return Set.of(PlanBenefit.COUNSELLING_SESSIONS);
    }
}
