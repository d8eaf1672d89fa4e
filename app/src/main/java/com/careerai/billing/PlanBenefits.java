package com.careerai.billing;

import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The plan benefits the running product delivers, each with the feature delivering it. */
@Singleton
public class PlanBenefits {
    private final Map<PlanBenefit, String> delivered = new EnumMap<>(PlanBenefit.class);

    PlanBenefits(List<PlanBenefitProvider> providers) {
        providers.forEach(provider ->
                provider.planBenefits().forEach(benefit -> delivered.putIfAbsent(benefit, provider.featureName())));
    }

    /** Benefit → the feature delivering it; a benefit nobody delivers is absent. */
    public Map<PlanBenefit, String> delivered() {
        return Collections.unmodifiableMap(delivered);
    }
}
