package com.careerai.platform.storage;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Keys of stored files: {@code u<university>/<area>/<yyyy-mm>/<random uuid>}. Only this class
 * makes them and every adapter checks a key with {@link #check(String)} before use, so no key can
 * name a path outside the storage or another university's folder by accident.
 */
final class StorageKeys {
    private static final Pattern AREA = Pattern.compile("[a-z][a-z0-9-]{0,30}");
    private static final Pattern KEY =
            Pattern.compile("u[0-9]{1,19}/[a-z][a-z0-9-]{0,30}/[0-9]{4}-[0-9]{2}/[0-9a-f-]{36}");

    private StorageKeys() {}

    static String newKey(long universityId, String area) {
        if (universityId <= 0 || area == null || !AREA.matcher(area).matches()) {
            throw new IllegalArgumentException("a storage area is lower-case letters, digits and dashes");
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return "u%d/%s/%04d-%02d/%s"
                .formatted(universityId, area, today.getYear(), today.getMonthValue(), UUID.randomUUID());
    }

    static String check(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a storage key: " + key);
        }
        return key;
    }
}
