package com.careerai.auth.session;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Keyed hashes and random tokens from {@code CAREERAI_SECRET}. */
@Singleton
public class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    /**
     * A Mac keyed once, cloned for each hash: looking the algorithm up among the security
     * providers and keying it on every call was a tenth of a signed-in page's layout (issue 19).
     */
    private final Mac keyed;

    Secrets(@Value("${careerai.secret}") String secret) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        this.keyed = newMac();
    }

    /** HMAC-SHA256 of {@code purpose + ":" + value}, base64url without padding. */
    public String hmac(String purpose, String value) {
        Mac mac;
        try {
            mac = (Mac) keyed.clone();
        } catch (CloneNotSupportedException e) {
            mac = newMac(); // a provider whose Mac cannot be cloned: key a new one each time
        }
        byte[] digest = mac.doFinal((purpose + ":" + value).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 256 random bits, base64url. */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
