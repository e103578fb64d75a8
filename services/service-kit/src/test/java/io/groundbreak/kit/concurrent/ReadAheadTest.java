package io.groundbreak.kit.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Read on a thread of its own, handled in order on the caller's, failures of either end both: items and batches. */
class ReadAheadTest {

    @Test
    void everyItemIsHandledInOrderOnTheCallersThreadWhileAnotherThreadReads() {
        Set<Thread> readers = ConcurrentHashMap.newKeySet();
        List<Integer> handled = new ArrayList<>();
        Set<Thread> handlers = ConcurrentHashMap.newKeySet();
        ReadAhead.<Integer>items("test-read-ahead", 256, 8, sink -> {
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
        assertThatThrownBy(() -> ReadAhead.<Integer>items("test-read-ahead", 256, 8, sink -> {
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
        assertThatThrownBy(() -> ReadAhead.<Integer>items("test-read-ahead", 256, 8, sink -> {
            for (int i = 0; i < 10_000_000; i++) {
                read.incrementAndGet();
                sink.accept(i);
            }
        }, item -> {
            throw new IllegalArgumentException("cannot write " + item);
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("cannot write 0");
        assertThat(read.get()).isLessThan(100_000);
    }

    @Test
    void batchesAreHandledWholeAndInOrderOnTheCallersThread() {
        List<List<Integer>> handled = new ArrayList<>();
        Set<Thread> readers = ConcurrentHashMap.newKeySet();
        ReadAhead.<List<Integer>>batches("test-read-ahead", 2, sink -> {
            readers.add(Thread.currentThread());
            for (int i = 0; i < 100; i++) {
                sink.accept(IntStream.range(i * 10, i * 10 + 10).boxed().toList());
            }
        }, handled::add);
        assertThat(handled).hasSize(100).allSatisfy(batch -> assertThat(batch).hasSize(10));
        assertThat(handled.stream().flatMap(List::stream).toList()).isEqualTo(IntStream.range(0, 1000).boxed().toList());
        assertThat(readers).hasSize(1).doesNotContain(Thread.currentThread());
    }

    /**
     * A read that hands nothing for a while (polls that find no record) learns that the caller stopped, and ends: the
     * caller's failure is thrown instead of the caller waiting for the reading thread forever.
     */
    @Test
    @Timeout(30)
    void aReadThatHandsNothingSeesThatTheCallerStopped() {
        assertThatThrownBy(() -> ReadAhead.<List<Integer>>batches("test-read-ahead", 2, sink -> {
            sink.accept(List.of(1));
            while (!sink.stopped()) {
                Thread.onSpinWait();
            }
        }, batch -> {
            throw new IllegalArgumentException("cannot fold " + batch);
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("cannot fold [1]");
    }
}
