package com.careerai.ai.provider;

import com.careerai.ai.AiConfiguration;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/** True when runs are answered with demo output ({@code CAREERAI_AI_MODE=mock} or no API key). */
public class MockModeCondition implements Condition {
    @Override
    @SuppressWarnings("rawtypes")
    public boolean matches(ConditionContext context) {
        return context.getBean(AiConfiguration.class).getMode() == AiConfiguration.Mode.MOCK;
    }
}
