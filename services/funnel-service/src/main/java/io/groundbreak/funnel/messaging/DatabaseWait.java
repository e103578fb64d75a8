package io.groundbreak.funnel.messaging;

import com.zaxxer.hikari.HikariDataSource;
import io.groundbreak.kit.database.DatabaseOutages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How the consumer waits for a database that does not answer or refuses writes: a capped exponential back-off
 * (0.5 s, 1 s, 2 s, 4 s, then every 5 s by default), for as long as it takes. One WARN line when the wait starts
 * and one INFO line when it ends, so an outage of hours does not flood the log; every wait is counted in
 * {@code groundbreak.funnel.database.waits}. A read-only refusal also retires the pool's connections, whose
 * sessions would otherwise stay read-only after the database is writable again.
 */
@Component
class DatabaseWait {

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
                .description("Times the consumer waited for the database (unavailable or read-only) before retrying")
                .register(meters);
    }

    /** A fresh wait for one record. */
    Backoff start() {
        return new Backoff();
    }

    final class Backoff {
        private Duration next = initial;
        private int waited;

        /** Sleeps before the next try; {@code failure} is why. */
        void pause(Throwable failure) {
            if (waited == 0) {
                log.warn("The database is unavailable or refuses writes ({}); the consumer waits and retries "
                        + "until it answers (nothing is parked for this)", root(failure));
            } else if (log.isDebugEnabled()) {
                log.debug("Database still unavailable after {} tries: {}", waited, root(failure));
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

        /** Called once the record went through. */
        void done() {
            if (waited > 0) {
                log.info("The database answers again after {} retries; the consumer goes on", waited);
            }
        }
    }

    /** Sleeps the whole duration; an interrupt is remembered and restored, not a reason to give up the record. */
    static void sleep(Duration duration) {
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

    static String root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
