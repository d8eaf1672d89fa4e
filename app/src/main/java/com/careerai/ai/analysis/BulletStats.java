package com.careerai.ai.analysis;

import java.util.List;

/**
 * Bullet statistics of a resume.
 *
 * @param count bullets found
 * @param averageWords mean words per bullet (0 without bullets)
 * @param quantified bullets with a number, amount or percentage
 * @param weakVerbs bullets opening with a vague verb ("helped", "worked on", "responsible for")
 * @param tooLong bullets over {@value Bullets#LONG_WORDS} words
 * @param unquantified bullets without any number
 */
public record BulletStats(
        int count,
        int averageWords,
        int quantified,
        List<String> weakVerbs,
        List<String> tooLong,
        List<String> unquantified) {}
