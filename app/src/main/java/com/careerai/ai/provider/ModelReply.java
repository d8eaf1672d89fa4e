package com.careerai.ai.provider;

/** What the model answered: raw text (expected JSON) and token counts. */
public record ModelReply(String content, long tokensIn, long tokensOut, boolean demo) {}
