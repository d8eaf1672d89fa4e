package com.careerai.credits;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

/**
 * The price of one tool: {@code careerai.credits.costs.<tool>.silver} and {@code .gold}. A
 * currency left out cannot pay for that tool.
 */
@EachProperty("careerai.credits.costs")
public class ToolCostProperties {
    private final String tool;

    @Nullable
    private Integer silver;

    @Nullable
    private Integer gold;

    ToolCostProperties(@Parameter String tool) {
        this.tool = tool;
    }

    /** The tool's slug, e.g. {@code job-pack} (the key under {@code careerai.credits.costs}). */
    public String getTool() {
        return tool;
    }

    /** Silver credits per run (standard model); absent when silver cannot pay. */
    @Nullable
    public Integer getSilver() {
        return silver;
    }

    public void setSilver(@Nullable Integer silver) {
        this.silver = silver;
    }

    /** Gold credits per run (premium model); absent when gold cannot pay. */
    @Nullable
    public Integer getGold() {
        return gold;
    }

    public void setGold(@Nullable Integer gold) {
        this.gold = gold;
    }
}
