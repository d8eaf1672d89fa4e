package com.careerai.credits;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Credit settings ({@code careerai.credits.*}); prices are {@link FeatureCostProperties}. */
@ConfigurationProperties("careerai.credits")
public class CreditsConfiguration {
    public static final int DEFAULT_MAX_AMOUNT = 100_000;

    @Min(1)
    @Max(1_000_000)
    private int maxAmount = DEFAULT_MAX_AMOUNT;

    @Min(1)
    @Max(10_000)
    private int grantChunkSize = 500;

    @Min(1)
    @Max(200)
    private int historyPageSize = 20;

    /** The largest amount one grant, top-up, adjustment or default may move (guards typos). */
    public int getMaxAmount() {
        return maxAmount;
    }

    public void setMaxAmount(int maxAmount) {
        this.maxAmount = maxAmount;
    }

    /** Students granted per transaction by bulk grants and the monthly refill. */
    public int getGrantChunkSize() {
        return grantChunkSize;
    }

    public void setGrantChunkSize(int grantChunkSize) {
        this.grantChunkSize = grantChunkSize;
    }

    /** Transactions per page of a wallet's history. */
    public int getHistoryPageSize() {
        return historyPageSize;
    }

    public void setHistoryPageSize(int historyPageSize) {
        this.historyPageSize = historyPageSize;
    }
}
