package com.careerai.referrals;

import java.util.Locale;

/**
 * Email addresses compared as one mailbox: case ignored, a {@code +tag} dropped, and for Gmail
 * (which ignores dots in the local part) dots removed — so {@code A.Lee+x@gmail.com} is
 * {@code alee@gmail.com}. Used to refuse self-referrals.
 */
final class SameAddress {
    private SameAddress() {}

    static String mailbox(String email) {
        String lower = email.strip().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        if (at < 0) {
            return lower;
        }
        String local = lower.substring(0, at);
        String domain = lower.substring(at + 1);
        int plus = local.indexOf('+');
        if (plus >= 0) {
            local = local.substring(0, plus);
        }
        if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }

    static boolean same(String one, String other) {
        return mailbox(one).equals(mailbox(other));
    }
}
