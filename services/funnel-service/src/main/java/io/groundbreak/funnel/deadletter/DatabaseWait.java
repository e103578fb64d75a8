package io.groundbreak.funnel.deadletter;

import com.zaxxer.hikari.HikariDataSource;
import io.groundbreak.kit.database.DatabaseOutages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one retry policy for work the database refused for a while: the database not answering or refusing writes,
 * or a transaction that lost a race to another (deadlock, serialization failure). The work is tried again after a
 * capped exponential back-off (0.5 s, 1 s, 2 s, 4 s, then every 5 s by default), for as long as it takes, and is
 * never parked nor counted as a failed attempt for it. The live consumer waits out all of these; an admin's reprocess
 * the lost races only, as its request answers an outage at once with 503 ({@link DeadLetterOperations}). One WARN line when a wait starts and one INFO line when it ends, so
 * an outage of hours does not flood the log; every wait is counted in {@code groundbreak.funnel.database.waits}. A
 * read-only refusal also retires the pool's connections, whose sessions would otherwise stay read-only after the
 * database is writable again.
 */
@Component
public class DatabaseWait {

    private static final Logger log = LoggerFactory.getLogger(DatabaseWait.class);

    private final Duration initial;
    private final Duration max;
    private final DataSource dataSource;
    private final Counter waits;

    DatabaseWait(@Value("${groundbreak.intake.database-backoff.initial:500ms}") Duration initial,
                 @Value("${groundbreak.intake.database-backoff.max:5s}") Duration max,
                 DataSource dataSource, MeterRegistry meters) {
        this.initial = initial;
        this.max = max;
        this.dataSource = dataSource;
        this.waits = Counter.builder("groundbreak.funnel.database.waits")
                .description("Times the consumer or a reprocess waited before retrying (the database unavailable or "
                        + "read-only, or a transaction that lost a race)")
                .register(meters);
    }

    /**
     * {@code work}'s result once it goes through; after each failure {@code waitedOut} accepts, the next try waits the
     * back-off; any other failure is thrown.
     */
    public <T> T untilThrough(Supplier<T> work, Predicate<Throwable> waitedOut) {
        Backoff backoff = new Backoff();
        while (true) {
            try {
                T result = work.get();
                backoff.done();
                return result;
            } catch (RuntimeException e) {
                if (!waitedOut.test(e)) {
                    throw e;
                }
                backoff.pause(e);
            }
        }
    }

    private final class Backoff {
        private Duration next = initial;
        private int waited;

        /** Sleeps before the next try; {@code failure} is why. */
        void pause(Throwable failure) {
            if (waited == 0) {
                log.warn("The database is unavailable or refuses writes, or the transaction lost a race ({}); waiting "
                        + "and retrying until it goes through (nothing is parked or counted as an attempt for this)",
                        root(failure));
            } else if (log.isDebugEnabled()) {
                log.debug("Still refused after {} tries: {}", waited, root(failure));
            }
            if (DatabaseOutages.isReadOnly(failure) && dataSource instanceof HikariDataSource hikari
                    && hikari.getHikariPoolMXBean() != null) {
                hikari.getHikariPoolMXBean().softEvictConnections();
            }
            waits.increment();
            waited++;
            sleep(next);
            next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        }

        /** Called once the work went through. */
        void done() {
            if (waited > 0) {
                log.info("The database took the work after {} retries; going on", waited);
            }
        }
    }

    /** Sleeps the whole duration; an interrupt is remembered and restored, not a reason to give up the work. */
    public static void sleep(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        boolean interrupted = Thread.interrupted();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    public static String root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
