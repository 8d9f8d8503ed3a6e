package dev.carrierhub.carriers.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BulkheadTest {

    @Test
    void aFullBulkheadRefusesAtOnceAndAPlaceGivenBackIsTakenAgain() {
        Bulkhead bulkhead = new Bulkhead(2);

        assertThat(bulkhead.tryEnter()).isTrue();
        assertThat(bulkhead.tryEnter()).isTrue();
        assertThat(bulkhead.tryEnter()).isFalse();
        assertThat(bulkhead.inFlight()).isEqualTo(2);

        bulkhead.leave();
        assertThat(bulkhead.inFlight()).isEqualTo(1);
        assertThat(bulkhead.tryEnter()).isTrue();
        assertThat(bulkhead.tryEnter()).isFalse();
    }

    @Test
    void concurrentCallersNeverGetMorePlacesThanThereAre() throws Exception {
        Bulkhead bulkhead = new Bulkhead(5);
        AtomicInteger entered = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 200; i++) {
                pool.execute(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    if (bulkhead.tryEnter()) {
                        entered.incrementAndGet();
                    }
                });
            }
            start.countDown();
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(entered).hasValue(5);
        assertThat(bulkhead.inFlight()).isEqualTo(5);
    }

    @Test
    void aBulkheadLetsAtLeastOneCallThrough() {
        assertThatThrownBy(() -> new Bulkhead(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
