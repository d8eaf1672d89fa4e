package com.careerai.counselling;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** An approved counsellor as other features show them (a recommendation, a link to book). */
@Serdeable
public record CounsellorCard(long id, String name, String bio, List<String> expertise) {}
