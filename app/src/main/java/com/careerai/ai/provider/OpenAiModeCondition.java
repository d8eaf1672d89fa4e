package com.careerai.ai.provider;

import com.careerai.ai.AiConfiguration;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/** True when runs go to a real OpenAI-compatible server. */
public class OpenAiModeCondition implements Condition {
    @Override
    @SuppressWarnings("rawtypes")
    public boolean matches(ConditionContext context) {
        return context.getBean(AiConfiguration.class).getMode() == AiConfiguration.Mode.OPENAI;
    }
}
