package com.careerai.leads;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.micronaut.core.annotation.Nullable;

/** Phone numbers as typed → E.164 ({@code +447911123456}) with libphonenumber, or a message why not. */
final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {}

    /**
     * The number in E.164.
     *
     * @param defaultRegion the country a number without + is read in, or null to require +
     * @throws LeadException (field {@code phone}) when it is not a valid number
     */
    static String e164(@Nullable String typed, @Nullable String defaultRegion) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new LeadException("phone", "Enter a phone number so we can reach you.");
        }
        if (text.length() > 32) {
            throw new LeadException("phone", "Enter a valid phone number.");
        }
        boolean international = text.startsWith("+") || text.startsWith("00");
        if (!international && defaultRegion == null) {
            throw new LeadException(
                    "phone", "Include your country code, starting with + (for example +44 7911 123456).");
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(text, international ? "ZZ" : defaultRegion);
            if (!UTIL.isValidNumber(number)) {
                throw new LeadException("phone", "Enter a valid phone number.");
            }
            return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new LeadException("phone", "Enter a valid phone number.");
        }
    }

    /** Whether {@code region} is a country libphonenumber knows ("GB", "IN"). */
    static boolean knownRegion(String region) {
        return UTIL.getSupportedRegions().contains(region);
    }
}
