package com.careerai.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the demo steps are, as one SHA-256 (ADR 0053): the name and the class bytes of every
 * {@link DemoSeedStep} implementation, in name order. A step added, removed or recompiled from
 * changed source gives another fingerprint; a rebuild of the same source gives the same one (javac
 * is deterministic), so {@code ./run-demo}, which builds before every start, skips the steps too.
 * Micronaut's generated subclasses ({@code $Intercepted}, for {@code @Transactional} steps) count
 * as the class they extend.
 */
final class DemoSeedFingerprint {
    private DemoSeedFingerprint() {}

    static String of(Collection<? extends Class<?>> stepTypes) {
        Map<String, Class<?>> steps = new TreeMap<>();
        for (Class<?> type : stepTypes) {
            Class<?> step = type;
            while (step.getName().contains("$Intercepted") && step.getSuperclass() != null) {
                step = step.getSuperclass();
            }
            steps.put(step.getName(), step);
        }
        MessageDigest digest = sha256();
        steps.forEach((name, step) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bytesOf(step));
            digest.update((byte) 0);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    private static byte[] bytesOf(Class<?> type) {
        String resource = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no class file for demo step " + type.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
