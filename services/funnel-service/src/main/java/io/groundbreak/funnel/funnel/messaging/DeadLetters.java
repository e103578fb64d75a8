package io.groundbreak.funnel.funnel.messaging;

import io.groundbreak.events.MalformedEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;
import org.springframework.stereotype.Component;

/**
 * Called by the Kafka binder once for every record it parks on the dead-letter topic (after the
 * retries, if any): the one place that sees each parked record exactly once, so it logs it and counts
 * it in {@code groundbreak.funnel.events.dead-lettered} by reason (gap, malformed, failed). Every
 * record goes to partition 0, so the dead-letter topic keeps the order in which records were parked.
 */
@Component
class DeadLetters implements DlqPartitionFunction {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final MeterRegistry meters;

    DeadLetters(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Integer apply(String group, ConsumerRecord<?, ?> record, Throwable failure) {
        String reason = reason(failure);
        Counter.builder("groundbreak.funnel.events.dead-lettered")
                .description("Records parked on the dead-letter topic")
                .tag("reason", reason)
                .register(meters)
                .increment();
        log.error("Parked record {}-{} offset {} (key {}) on the dead-letter topic, reason {}: {}",
                record.topic(), record.partition(), record.offset(), key(record), reason, rootCause(failure).getMessage());
        return 0;
    }

    private static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SequenceGap) {
                return "gap";
            }
            if (t instanceof MalformedEventException) {
                return "malformed";
            }
        }
        return "failed";
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String key(ConsumerRecord<?, ?> record) {
        return record.key() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(record.key());
    }
}
