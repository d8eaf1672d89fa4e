package com.careerai.credits;

/**
 * What a reversal of bought credits did: {@code reversed} taken back (never more than the
 * balance), {@code unreversed} the part already spent that could not be taken back.
 */
public record Reversal(LedgerEntry entry, int reversed, int unreversed) {}
