package com.careerai.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a page (a controller method answering GET) that reads the signed-in person's own snapshots
 * ({@link com.careerai.platform.redis.PersonalSnapshot}: the student home's profile and interests):
 * its session check brings them in the same Redis round trip (ADR 0072). Other requests, the API's
 * among them, do not pay for them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PersonalPage {}
