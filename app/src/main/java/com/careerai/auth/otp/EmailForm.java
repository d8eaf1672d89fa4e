package com.careerai.auth.otp;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The sign-in page's first form: "send me a code". */
@Serdeable
record EmailForm(@Nullable String email, @Nullable String next) {}
