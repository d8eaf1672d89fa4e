package com.careerai.credits;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.tenancy.University;
import com.careerai.testing.CrossTenant;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Many requests on one wallet at once, on the real database under READ COMMITTED. */
@MicronautTest(transactional = false)
class LedgerConcurrencyTest extends IntegrationTest {
    private static final String PROBE = "probe";

    @Inject
    Wallets wallets;

    @Inject
    WalletFixtures walletFixtures;

    @Inject
    Fixtures fixtures;

    @Inject
    LedgerAudit audit;

    University uni;
    ExecutorService pool;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "careerai.credits.costs." + PROBE + ".silver", "1", "datasources.default.maximum-pool-size", "24");
    }

    @BeforeAll
    void setUp() {
        uni = fixtures.university();
        pool = Executors.newFixedThreadPool(64);
    }

    @AfterAll
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void sixtyFourConcurrentDebitsOfTwentyCreditsLetExactlyTwentyThrough() throws Exception {
        User student = walletFixtures.studentWith(uni, 20, 0);

        List<Object> outcomes = race(64, i -> () -> {
            try {
                return wallets.debit(uni.id(), student.id(), PROBE, Currency.SILVER, UUID.randomUUID());
            } catch (InsufficientCreditsException e) {
                return e;
            }
        });

        assertThat(outcomes).filteredOn(LedgerEntry.class::isInstance).hasSize(20);
        assertThat(outcomes)
                .filteredOn(InsufficientCreditsException.class::isInstance)
                .hasSize(44);
        assertThat(fixtures.in(uni, () -> wallets.balances(uni.id(), student.id()))
                        .silver())
                .isZero();
        assertThat(walletFixtures.count(student, TransactionType.DEBIT)).isEqualTo(20);
        assertThat(fixtures.in(uni, () -> audit.audit(uni.id())).clean()).isTrue();
    }

    @Test
    void sixteenConcurrentRefundsOfOneRunWriteOneRefund() throws Exception {
        User student = walletFixtures.studentWith(uni, 5, 0);
        UUID run = UUID.randomUUID();
        fixtures.run(uni, () -> wallets.debit(uni.id(), student.id(), "cv-analysis", Currency.SILVER, run));

        List<Object> outcomes =
                race(16, i -> () -> wallets.refund(uni.id(), run).orElseThrow());

        assertThat(outcomes)
                .allSatisfy(outcome -> assertThat(outcome).isInstanceOf(LedgerEntry.class))
                .extracting(outcome -> ((LedgerEntry) outcome).id())
                .containsOnly(((LedgerEntry) outcomes.get(0)).id());
        assertThat(walletFixtures.count(student, TransactionType.REFUND)).isEqualTo(1);
        assertThat(fixtures.in(uni, () -> wallets.balances(uni.id(), student.id()))
                        .silver())
                .isEqualTo(5);
        assertThat(fixtures.in(uni, () -> audit.audit(uni.id())).clean()).isTrue();
    }

    @Test
    void sixteenConcurrentReplaysOfOneDebitChargeOnce() throws Exception {
        User student = walletFixtures.studentWith(uni, 10, 0);
        UUID run = UUID.randomUUID();

        List<Object> outcomes = race(16, i -> () -> wallets.debit(uni.id(), student.id(), PROBE, Currency.SILVER, run));

        assertThat(outcomes)
                .extracting(outcome -> ((LedgerEntry) outcome).id())
                .containsOnly(((LedgerEntry) outcomes.get(0)).id());
        assertThat(walletFixtures.count(student, TransactionType.DEBIT)).isEqualTo(1);
        assertThat(fixtures.in(uni, () -> wallets.balances(uni.id(), student.id()))
                        .silver())
                .isEqualTo(9);
        assertThat(fixtures.in(uni, () -> audit.audit(uni.id())).clean()).isTrue();
    }

    /** Starts {@code n} tasks at the same instant; returns each one's result (exceptions fail the test). */
    private List<Object> race(int n, IntFunction<Callable<Object>> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Callable<Object> work = task.apply(i);
            futures.add(pool.submit(() -> {
                start.await();
                // Each request binds its university on its own thread, as the tenant filter does.
                return CrossTenant.within(uni, () -> {
                    try {
                        return work.call();
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }));
        }
        start.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> future : futures) {
            outcomes.add(future.get(60, TimeUnit.SECONDS));
        }
        return outcomes;
    }
}
