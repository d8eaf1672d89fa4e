package com.careerai.tenancy;

import io.micronaut.http.annotation.RequestAttribute;
import io.swagger.v3.oas.annotations.Parameter;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a controller argument to the university {@link TenantFilter} resolved from the Host.
 * (A request attribute, so it never appears as a parameter in the OpenAPI document.)
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@RequestAttribute(Tenants.ATTRIBUTE)
@Parameter(hidden = true)
public @interface CurrentUniversity {}
