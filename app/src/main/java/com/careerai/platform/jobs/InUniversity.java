package com.careerai.platform.jobs;

import io.micronaut.aop.Around;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On the handler of a {@link UniversityJobRequest}: its {@code run} executes bound to the request's
 * university ({@link UniversityJobInterceptor}), so no handler opens the unit of work itself.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Around
public @interface InUniversity {}
