package io.groundbreak.milestone.publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The event store as the publisher reads it: straight from the storage engine, and woken when this instance has
 * committed events.
 * <p>
 * Why: a pooled streaming processor whose stream cannot call back ({@link BlockingStream#setOnAvailableCallback};
 * the embedded event store's streams cannot) looks for new events every 500 ms, so an event waited 0–500 ms before
 * it was even sent to Kafka (the freshness floor of infra/bench/ANALYSIS.md). The embedded store's shared cache of
 * recent events does not help either: it is filled by a thread of its own, so an event committed here is not
 * readable from it at once, and a stream switches between the cache and the database as it sees fit.
 * <p>
 * How: every commit of a transaction that stored events here rings the source after the commit ({@link #ring}), and
 * the ring calls the processor's callback; the publisher's stream reads the storage engine itself (Axon's own reading,
 * gap-aware tokens included), which sees a committed event at once. Events committed by another instance ring nothing:
 * the processor finds them when it looks again by itself (every token-claim-interval, 1 s). A ring only wakes the
 * processor, it never decides what is read: a missed or needless one costs time, never an event.
 */
public final class SignallingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** With no ring since the last empty read, the store is read again no sooner than this (another instance's events). */
    private static final long UNRUNG_READ_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final EventStorageEngine engine;
    private final Set<Runnable> callbacks = new CopyOnWriteArraySet<>();
    private final Object ringing = new Object();
    /** Counts rings; a stream reads the store again when it has changed since its last empty read. */
    private volatile long rings;

    SignallingEventSource(EventStorageEngine engine) {
        this.engine = engine;
    }

    /** The configuration's storage engine, rung after every commit of events through its event store. */
    public static SignallingEventSource of(Configuration configuration) {
        EventStorageEngine engine = configuration.getComponent(EventStorageEngine.class);
        if (engine == null) {
            throw new IllegalStateException("the publisher reads the event store's storage engine; none is configured");
        }
        SignallingEventSource source = new SignallingEventSource(engine);
        configuration.eventStore().registerDispatchInterceptor(source.ringAfterCommit());
        return source;
    }

    /**
     * Rings once the transaction that stores the events has committed. That is Spring's transaction, not Axon's unit of
     * work: a write runs in a transaction of its own (IdempotentWrites) that Axon's joins, so Axon's after-commit
     * comes before the database commit, and a read then finds nothing yet (the embedded event store fetches on that
     * signal, too early, so its readers waited for their periodic looks).
     */
    MessageDispatchInterceptor<EventMessage<?>> ringAfterCommit() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
                if (TransactionSynchronizationManager.isSynchronizationActive()) {
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            ring();
                        }
                    });
                } else if (CurrentUnitOfWork.isStarted()) {
                    CurrentUnitOfWork.get().afterCommit(committed -> ring());
                }
                return (index, message) -> message;
            }
        };
    }

    /** New events are readable: wakes the processor and any stream waiting for them. */
    void ring() {
        synchronized (ringing) {
            rings++;
            ringing.notifyAll();
        }
        callbacks.forEach(Runnable::run);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new SignalledStream(engine.readEvents(trackingToken, false));
    }

    @Override
    public TrackingToken createTailToken() {
        return engine.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return engine.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return engine.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return engine.createTokenAt(Instant.now().minus(duration));
    }

    /**
     * The engine's stream from a token: its iterator reads the store again whenever it has run out (Axon's tracked
     * streams never end), here only after a ring or a short while, so that an idle processor's looks cost no queries.
     */
    private final class SignalledStream implements BlockingStream<TrackedEventMessage<?>> {

        private final Stream<? extends TrackedEventMessage<?>> events;
        private final Iterator<? extends TrackedEventMessage<?>> iterator;
        private TrackedEventMessage<?> peeked;
        private Runnable callback;
        private long ringsAtEmptyRead = -1;
        private long emptyReadAt;

        private SignalledStream(Stream<? extends TrackedEventMessage<?>> events) {
            this.events = events;
            this.iterator = events.iterator();
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (this.callback != null) {
                callbacks.remove(this.callback);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(read());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (read() == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                synchronized (ringing) {
                    if (rings == ringsAtEmptyRead) {
                        TimeUnit.NANOSECONDS.timedWait(ringing, Math.min(left, UNRUNG_READ_NANOS));
                    }
                }
            }
            return true;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                // waits for as long as it takes, as the interface says
            }
            TrackedEventMessage<?> next = peeked;
            peeked = null;
            return next;
        }

        /** The next event, read from the store when none is held and a ring or some time has passed since it had none. */
        private TrackedEventMessage<?> read() {
            if (peeked != null) {
                return peeked;
            }
            long ringsNow = rings;
            if (ringsNow == ringsAtEmptyRead && System.nanoTime() - emptyReadAt < UNRUNG_READ_NANOS) {
                return null;
            }
            if (iterator.hasNext()) {
                peeked = iterator.next();
            } else {
                ringsAtEmptyRead = ringsNow;
                emptyReadAt = System.nanoTime();
            }
            return peeked;
        }

        @Override
        public void close() {
            if (callback != null) {
                callbacks.remove(callback);
            }
            events.close();
        }
    }
}
