package io.groundbreak.funnel.messaging;

import io.groundbreak.funnel.deadletter.Intake;
import io.groundbreak.funnel.deadletter.IntakeResult;
import io.groundbreak.funnel.deadletter.ReceivedRecord;
import io.groundbreak.kit.database.DatabaseOutages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * The {@code projectEvents} function bound to groundbreak.project-events.v1. It returns only once the record is
 * settled in PostgreSQL: applied, skipped as a redelivery, or parked in {@code dead_letter} (see {@link Intake});
 * only then does the binding commit the offset. The database being unavailable or read-only is waited out
 * ({@link DatabaseWait}), however long it takes: nothing is ever parked for it. Any other failure is tried
 * {@value #ATTEMPTS} times, then the record is parked as {@code failed}. Nothing is thrown to the binding.
 */
@Configuration(proxyBeanMethods = false)
class ProjectEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(ProjectEventsConsumer.class);
    static final int ATTEMPTS = 3;

    @Bean
    Consumer<Message<byte[]>> projectEvents(Intake intake, DatabaseWait databaseWait, MeterRegistry meters,
                                            @Value("${spring.cloud.stream.bindings.projectEvents-in-0.destination}")
                                            String topic) {
        Counter redelivered = Counter.builder("groundbreak.funnel.events.redelivered")
                .description("Records skipped because their event was applied already")
                .register(meters);
        return message -> {
            ReceivedRecord record = received(message, topic);
            DatabaseWait.Backoff backoff = databaseWait.start();
            int failures = 0;
            String failure = null;
            while (true) {
                try {
                    IntakeResult result = failure == null ? intake.offer(record) : intake.parkFailed(record, failure, failures);
                    backoff.done();
                    switch (result.kind()) {
                        case REDELIVERED -> {
                            redelivered.increment();
                            log.debug("Skipped redelivered event of project {} (sequence {})", result.projectId(),
                                    result.sequence());
                        }
                        case PARKED -> parked(meters, record, result);
                        case APPLIED -> { }
                    }
                    return;
                } catch (RuntimeException e) {
                    if (DatabaseOutages.isRetryable(e)) {
                        backoff.pause(e);
                    } else if (failure == null && ++failures < ATTEMPTS) {
                        log.warn("Record {}-{} offset {} failed (attempt {} of {}), retrying: {}", record.topic(),
                                record.partition(), record.offset(), failures, ATTEMPTS, DatabaseWait.root(e));
                        DatabaseWait.sleep(Duration.ofMillis(100L << failures));
                    } else if (failure == null) {
                        failure = DatabaseWait.root(e);
                    } else {
                        // parking itself failed for another reason than the database: keep trying, never drop it
                        log.error("Could not park record {}-{} offset {}: {}", record.topic(), record.partition(),
                                record.offset(), DatabaseWait.root(e));
                        backoff.pause(e);
                    }
                }
            }
        };
    }

    private static void parked(MeterRegistry meters, ReceivedRecord record, IntakeResult result) {
        if (!result.parkedAnew()) {
            log.warn("Record {}-{} offset {} is dead letter {} (project {}, sequence {}), {} already: it keeps that "
                            + "decision ({})", record.topic(), record.partition(), record.offset(), result.deadLetterId(),
                    result.projectId(), result.sequence(), result.deadLetterStatus(), result.detail());
            return;
        }
        Counter.builder("groundbreak.funnel.events.dead-lettered")
                .description("Records parked in dead_letter")
                .tag("reason", result.reason().code())
                .register(meters)
                .increment();
        log.error("Parked record {}-{} offset {} as dead letter {} (project {}, sequence {}), reason {}: {}",
                record.topic(), record.partition(), record.offset(), result.deadLetterId(), result.projectId(),
                result.sequence(), result.reason().code(), result.detail());
    }

    /** The record as the binding delivered it: where from, key, value, and the Kafka headers with their raw values. */
    static ReceivedRecord received(Message<byte[]> message, String defaultTopic) {
        Map<String, Object> headers = message.getHeaders();
        Object topic = headers.get(KafkaHeaders.RECEIVED_TOPIC);
        Object partition = headers.get(KafkaHeaders.RECEIVED_PARTITION);
        Object offset = headers.get(KafkaHeaders.OFFSET);
        Object key = headers.get(KafkaHeaders.RECEIVED_KEY);
        List<String> names = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        headers.forEach((name, value) -> {
            if (name.startsWith("kafka_")) {
                return;
            }
            if (value instanceof byte[] bytes) {
                names.add(name);
                values.add(bytes);
            } else if (value instanceof String text) {
                names.add(name);
                values.add(text.getBytes(StandardCharsets.UTF_8));
            }
        });
        return new ReceivedRecord(topic instanceof String t ? t : defaultTopic,
                partition instanceof Number p ? p.intValue() : -1,
                offset instanceof Number o ? o.longValue() : -1,
                key instanceof byte[] bytes ? bytes : key == null ? null : key.toString().getBytes(StandardCharsets.UTF_8),
                message.getPayload(), names, values);
    }
}
