package com.careerai.counselling;

import java.util.List;

/**
 * An approved counsellor's public profile, for the university's signed-out pages: only what the
 * counsellor published (never email, meeting link or booking rules).
 */
public record PublicCounsellor(
        long id, String name, String bio, List<String> expertise, List<String> languages, boolean hasPhoto) {}
