package com.careerai.credits;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

/**
 * The price of one use of a feature: {@code careerai.credits.costs.<feature>.silver} and
 * {@code .gold}, keyed by the feature's slug (an AI tool's {@code job-pack}, or any other feature
 * that charges credits). A currency left out cannot pay for it.
 */
@EachProperty("careerai.credits.costs")
public class FeatureCostProperties {
    private final String feature;

    @Nullable
    private Integer silver;

    @Nullable
    private Integer gold;

    FeatureCostProperties(@Parameter String feature) {
        this.feature = feature;
    }

    /** The feature's slug, e.g. {@code job-pack} (the key under {@code careerai.credits.costs}). */
    public String getFeature() {
        return feature;
    }

    /** Silver credits per use (standard model); absent when silver cannot pay. */
    @Nullable
    public Integer getSilver() {
        return silver;
    }

    public void setSilver(@Nullable Integer silver) {
        this.silver = silver;
    }

    /** Gold credits per use (premium model); absent when gold cannot pay. */
    @Nullable
    public Integer getGold() {
        return gold;
    }

    public void setGold(@Nullable Integer gold) {
        this.gold = gold;
    }
}
