package com.careerai.ai;

import java.util.UUID;

/** Run ids from URLs: anything that is not a UUID is simply not found. */
final class RunIds {
    private RunIds() {}

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new RunNotFoundException();
        }
    }

    static java.util.Optional<UUID> tryParse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
