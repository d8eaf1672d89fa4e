package com.careerai.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** The one JSON error shape of the API: {@code {"error": code, "message", "fields"?}}. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String error, String message, @Nullable Map<String, String> fields) {}
