package com.careerai.platform.jobs;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import java.util.Arrays;

/** True when {@code careerai.roles} lists {@code worker}. */
public class WorkerRoleCondition implements Condition {
    @Override
    @SuppressWarnings("rawtypes")
    public boolean matches(ConditionContext context) {
        String roles = context.getProperty("careerai.roles", String.class).orElse("web,worker");
        return Arrays.stream(roles.split(",")).map(String::trim).anyMatch("worker"::equalsIgnoreCase);
    }
}
