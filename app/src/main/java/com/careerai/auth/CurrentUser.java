package com.careerai.auth;

import io.micronaut.core.bind.annotation.Bindable;
import io.swagger.v3.oas.annotations.Parameter;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a {@link SignedInUser} controller argument to the signed-in user. Use on endpoints secured
 * with {@code @Secured(SecurityRule.IS_AUTHENTICATED)} or a role; a nullable argument is empty for
 * anonymous visitors.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Bindable
@Parameter(hidden = true)
public @interface CurrentUser {}
