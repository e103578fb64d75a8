package io.groundbreak.audit.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The ledger's read-ahead: read on a thread of its own, handled in order on the caller's, failures of either end both. */
class ReadAheadTest {

    @Test
    void everyItemIsHandledInOrderOnTheCallersThreadWhileAnotherThreadReads() {
        Set<Thread> readers = ConcurrentHashMap.newKeySet();
        List<Integer> handled = new ArrayList<>();
        Set<Thread> handlers = ConcurrentHashMap.newKeySet();
        ReadAhead.<Integer>run("test-read-ahead", sink -> {
            readers.add(Thread.currentThread());
            for (int i = 0; i < 10_000; i++) {
                sink.accept(i);
            }
        }, item -> {
            handlers.add(Thread.currentThread());
            handled.add(item);
        });
        assertThat(handled).hasSize(10_000).isSorted();
        assertThat(handlers).containsExactly(Thread.currentThread());
        assertThat(readers).hasSize(1).doesNotContain(Thread.currentThread());
    }

    @Test
    void aFailedReadIsThrownToTheCallerAfterWhatWasReadBefore() {
        List<Integer> handled = new ArrayList<>();
        assertThatThrownBy(() -> ReadAhead.<Integer>run("test-read-ahead", sink -> {
            for (int i = 0; i < 300; i++) {
                sink.accept(i);
            }
            throw new IllegalStateException("the cursor broke");
        }, handled::add)).isInstanceOf(IllegalStateException.class).hasMessage("the cursor broke");
        // the last partial batch is not handed over: the read failed
        assertThat(handled).hasSize(256);
    }

    @Test
    void aFailedActionStopsTheReadingInsteadOfReadingOnToTheEnd() {
        AtomicInteger read = new AtomicInteger();
        assertThatThrownBy(() -> ReadAhead.<Integer>run("test-read-ahead", sink -> {
            for (int i = 0; i < 10_000_000; i++) {
                read.incrementAndGet();
                sink.accept(i);
            }
        }, item -> {
            throw new IllegalArgumentException("cannot write " + item);
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("cannot write 0");
        assertThat(read.get()).isLessThan(100_000);
    }
}
