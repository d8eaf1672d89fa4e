package com.careerai.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Keyed hashes stay HMAC-SHA256 of "purpose:value" with the secret, from any number of threads. */
class SecretsTest {
    private final Secrets secrets = new Secrets("a-test-secret-of-some-length");

    @Test
    void theHashIsHmacSha256OfPurposeAndValueWithTheSecret() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("a-test-secret-of-some-length".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal("session:token-1".getBytes(StandardCharsets.UTF_8)));

        assertThat(secrets.hmac("session", "token-1")).isEqualTo(expected);
        assertThat(secrets.hmac("session", "token-1")).isEqualTo(expected);
        assertThat(secrets.hmac("csrf", "token-1")).isNotEqualTo(expected);
        assertThat(new Secrets("another-secret").hmac("session", "token-1")).isNotEqualTo(expected);
    }

    @Test
    void threadsHashingAtOnceGetTheSameAnswersAsOneThread() throws Exception {
        List<String> alone = IntStream.range(0, 500)
                .mapToObj(i -> secrets.hmac("p", "v" + i))
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> together = IntStream.range(0, 4)
                    .mapToObj(t -> pool.submit(() -> IntStream.range(0, 500)
                            .mapToObj(i -> secrets.hmac("p", "v" + i))
                            .toList()))
                    .toList();
            for (Future<List<String>> answers : together) {
                assertThat(answers.get()).isEqualTo(alone);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
