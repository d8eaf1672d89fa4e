package com.careerai.resources;

/** Who may open a resource: every student, or students whose plan includes premium resources. */
public enum ResourceAccess {
    EVERYONE,
    PREMIUM
}
