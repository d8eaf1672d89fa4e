package com.careerai.platform.jobs;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** Present only on nodes that run background jobs ({@code CAREERAI_ROLES} contains {@code worker}). */
@Singleton
@Requires(condition = WorkerRoleCondition.class)
public class WorkerRole {}
