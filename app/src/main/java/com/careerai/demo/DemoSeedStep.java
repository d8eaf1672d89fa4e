package com.careerai.demo;

import io.micronaut.core.order.Ordered;

/**
 * One feature's part of the demo data ({@code CAREERAI_DEMO=true}). A feature with demo data
 * implements it as a bean in its own package, using its own services; {@link DemoSeeder} creates
 * the demo university and then runs every step by {@link #getOrder()} (lowest first: people before
 * what they own). A step runs at every start-up, so it must change nothing the second time.
 */
public interface DemoSeedStep extends Ordered {
    /** Where people come first: staff, counsellors. */
    int PEOPLE = 100;

    /** Everything that belongs to people (profiles, availability, runs, …). */
    int CONTENT = 200;

    void seed(DemoUniversity demo);
}
