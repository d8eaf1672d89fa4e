package com.careerai.site;

/** One question and answer on a university's FAQ page, in {@code position} order. */
public record FaqEntry(long id, int position, String question, String answer) {}
