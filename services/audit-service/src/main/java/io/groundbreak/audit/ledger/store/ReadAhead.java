package io.groundbreak.audit.ledger.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Reads on a thread of its own while the caller's thread handles what was read, in the order read: on two cores,
 * the cursor and the mapping of rows on one, the caller's work (recomputing hashes, writing an export) on the other.
 * The caller's work stays on the caller's thread (its transaction, its output stream); the reading thread opens
 * whatever it needs itself. At most {@value #BATCHES} batches of {@value #BATCH} items wait between the two.
 */
final class ReadAhead<T> {

    private static final int BATCH = 256;
    private static final int BATCHES = 8;

    private final BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(BATCHES);
    private final List<T> end = Collections.unmodifiableList(new ArrayList<>());
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile RuntimeException failure;
    private List<T> batch = new ArrayList<>(BATCH);

    /**
     * Runs {@code read} on a new thread, which hands each item to the given sink, and {@code action} on this thread for
     * every item in order; returns when both are done. A failure of either ends both and is thrown here.
     */
    static <T> void run(String threadName, Consumer<Consumer<T>> read, Consumer<T> action) {
        new ReadAhead<T>().go(threadName, read, action);
    }

    private void go(String threadName, Consumer<Consumer<T>> read, Consumer<T> action) {
        Thread reader = new Thread(() -> {
            try {
                read.accept(this::hand);
                if (!batch.isEmpty()) {
                    put(batch);
                }
            } catch (Stopped e) {
                // the caller failed: its failure is the one thrown
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                try {
                    put(end);
                } catch (Stopped e) {
                    // nobody takes any more
                }
            }
        }, threadName);
        reader.start();
        try {
            for (List<T> items = queue.take(); items != end; items = queue.take()) {
                items.forEach(action);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        } finally {
            stopped.set(true);
            queue.clear();
            joinUninterruptibly(reader);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void hand(T item) {
        batch.add(item);
        if (batch.size() == BATCH) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Waits for room; gives up (ending the read) once the caller stopped taking. */
    private void put(List<T> items) {
        if (stopped.get()) {
            throw new Stopped();
        }
        try {
            while (!queue.offer(items, 100, TimeUnit.MILLISECONDS)) {
                if (stopped.get()) {
                    throw new Stopped();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the read when the caller no longer takes. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
