package com.careerai.interests;

import io.micronaut.serde.annotation.Serdeable;

/** A career interest category of one university; a retired one stays on history but is no longer offered. */
@Serdeable
public record Interest(long id, String name, boolean retired) {}
