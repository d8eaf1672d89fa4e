package com.careerai.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that waits on another system over the network: object storage, a payment provider, a
 * mail server, a messaging or AI provider. Such a wait takes tens of milliseconds to seconds and is not
 * ours to bound, so a request that reaches one must not hold a thread of the request pool, which is
 * sized to the cores (ADR 0077): a controller route that calls such a method, directly or through a
 * service, runs on Micronaut's {@code io} pool ({@code @ExecuteOn(TaskExecutors.IO)}), and
 * RequestPoolsTest follows every route's calls to check it.
 *
 * <p>Put it on the port's method (the interface), where every adapter inherits it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface CallsOut {}
