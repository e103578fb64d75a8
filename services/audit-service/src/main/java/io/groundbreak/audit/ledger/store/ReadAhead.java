package io.groundbreak.audit.ledger.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads on a thread of its own while the caller's thread handles what was read, in the order read: on two cores,
 * the cursor and the mapping of rows on one, the caller's work (recomputing hashes, writing an export) on the other.
 * The caller's work stays on the caller's thread (its transaction, its output stream); the reading thread opens
 * whatever it needs itself. At most {@value #BATCHES} batches of {@value #BATCH} items wait between the two.
 * <p>
 * Work that needs nothing of the caller's (recomputing a hash) can be done before the caller takes an item: a
 * {@code prepare} step runs on a pool of threads, one per core, a batch at a time, and the caller takes the
 * prepared batches in the order read all the same (a queue of the batches' futures, in that order).
 */
final class ReadAhead<T, U> {

    private static final int BATCH = 256;
    private static final int BATCHES = 8;

    private final BlockingQueue<Future<List<U>>> queue = new ArrayBlockingQueue<>(BATCHES);
    private final Future<List<U>> end = CompletableFuture.completedFuture(List.of());
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Function<List<T>, Future<List<U>>> prepareBatch;
    private volatile RuntimeException failure;
    private List<T> batch = new ArrayList<>(BATCH);

    private ReadAhead(Function<List<T>, Future<List<U>>> prepareBatch) {
        this.prepareBatch = prepareBatch;
    }

    /**
     * Runs {@code read} on a new thread, which hands each item to the given sink, and {@code action} on this thread for
     * every item in order; returns when both are done. A failure of either ends both and is thrown here.
     */
    static <T> void run(String threadName, Consumer<Consumer<T>> read, Consumer<T> action) {
        new ReadAhead<T, T>(CompletableFuture::completedFuture).go(threadName, read, action);
    }

    /**
     * Like {@link #run(String, Consumer, Consumer)}, with {@code prepare} applied to every item on a pool of
     * {@code preparers} threads before {@code action} takes it, still in the order read. A failed preparation is
     * thrown here when the caller reaches its batch, after every earlier item was handled.
     */
    static <T, U> void run(String threadName, Consumer<Consumer<T>> read, Function<T, U> prepare, int preparers,
                           Consumer<U> action) {
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(preparers, task -> {
            Thread thread = new Thread(task, threadName + "-prepare-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            new ReadAhead<T, U>(items -> pool.submit(() -> {
                List<U> prepared = new ArrayList<>(items.size());
                items.forEach(item -> prepared.add(prepare.apply(item)));
                return prepared;
            })).go(threadName, read, action);
        } finally {
            pool.shutdownNow();
        }
    }

    private void go(String threadName, Consumer<Consumer<T>> read, Consumer<U> action) {
        Thread reader = new Thread(() -> {
            try {
                read.accept(this::hand);
                if (!batch.isEmpty()) {
                    put(prepareBatch.apply(batch));
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
            for (Future<List<U>> items = queue.take(); items != end; items = queue.take()) {
                prepared(items).forEach(action);
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
            put(prepareBatch.apply(batch));
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Waits for room; gives up (ending the read) once the caller stopped taking. */
    private void put(Future<List<U>> items) {
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

    /** The batch once prepared; a preparation's failure as it was thrown. */
    private static <U> List<U> prepared(Future<List<U>> items) throws InterruptedException {
        try {
            return items.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failed) {
                throw failed;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
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
