package io.groundbreak.kit.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Reads on a thread of its own while the caller's thread handles what was read, in the order read: on two cores, the
 * reading (a cursor, a Kafka poll, and the parsing) on one, the caller's work (hashing, a fold, writing an export) on
 * the other. The caller's work stays on the caller's thread (its transaction, its output stream); the reading thread
 * opens whatever it needs itself. A failure of either side ends both and is thrown to the caller, once the reading
 * thread has ended; what was read before a failed read is handled first.
 * <p>
 * audit-service's ledger reads rows one by one ({@link #items}); funnel-service's rebuild polls whole batches of events
 * ({@link #batches}).
 */
public final class ReadAhead<B> {

    private final BlockingQueue<Object> queue;
    private final Object end = new Object();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile RuntimeException failure;

    private ReadAhead(int depth) {
        this.queue = new ArrayBlockingQueue<>(depth);
    }

    /** What the reading thread hands its batches to. */
    public interface Sink<B> {

        /** Waits for room among the batches read ahead; ends the read (by throwing) once the caller stopped taking. */
        void accept(B batch);

        /** The caller stopped taking (it failed): a read that may go on without handing anything should end. */
        boolean stopped();
    }

    /**
     * Runs {@code read} on a new thread, which hands batches to its sink, at most {@code depth} of them waiting, and
     * {@code action} on this thread for every batch in order; returns when both are done.
     */
    public static <B> void batches(String threadName, int depth, Consumer<Sink<B>> read, Consumer<B> action) {
        new ReadAhead<B>(depth).run(threadName, read, action);
    }

    /**
     * Like {@link #batches}, for a read that hands items one by one: they cross to this thread {@code batchSize} at a
     * time (one hand-over per item would cost more than most items' work), and {@code action} takes each in order.
     * The last partial batch of a read that fails is not handled.
     */
    public static <T> void items(String threadName, int batchSize, int depth, Consumer<Consumer<T>> read,
                                 Consumer<T> action) {
        ReadAhead.<List<T>>batches(threadName, depth, sink -> {
            Batching<T> batching = new Batching<>(batchSize, sink);
            read.accept(batching::add);
            batching.handOver();
        }, items -> items.forEach(action));
    }

    /** Items gathered into batches on the reading thread. */
    private static final class Batching<T> {

        private final int size;
        private final Sink<List<T>> sink;
        private List<T> batch;

        private Batching(int size, Sink<List<T>> sink) {
            this.size = size;
            this.sink = sink;
            this.batch = new ArrayList<>(size);
        }

        void add(T item) {
            batch.add(item);
            if (batch.size() == size) {
                handOver();
            }
        }

        void handOver() {
            if (!batch.isEmpty()) {
                sink.accept(batch);
                batch = new ArrayList<>(size);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void run(String threadName, Consumer<Sink<B>> read, Consumer<B> action) {
        Sink<B> sink = new Sink<>() {
            @Override
            public void accept(B batch) {
                put(batch);
            }

            @Override
            public boolean stopped() {
                return stopped.get();
            }
        };
        Thread reader = new Thread(() -> {
            try {
                read.accept(sink);
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
            for (Object batch = queue.take(); batch != end; batch = queue.take()) {
                action.accept((B) batch);
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

    /** Waits for room; gives up (ending the read) once the caller stopped taking. */
    private void put(Object batch) {
        if (stopped.get()) {
            throw new Stopped();
        }
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
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
