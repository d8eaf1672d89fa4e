package com.careerai.auth.otp;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The sign-in page's second form: "here is my code". */
@Serdeable
record CodeForm(@Nullable String email, @Nullable String code, @Nullable String next) {}
