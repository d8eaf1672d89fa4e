package com.careerai.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that starts its work on threads of its own and returns at once, with a future of the
 * work's end, without waiting for it. What the work calls — a {@link CallsOut} method among it — does
 * not hold the caller's thread, so RequestPoolsTest does not follow calls made inside
 * such a method (ADR 0077). A caller that waits on the returned future gives that up.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface HandsOff {}
