package io.groundbreak.funnel.messaging;

import io.groundbreak.funnel.deadletter.DatabaseWait;
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
 * The {@code projectEvents} function bound to groundbreak.project-events.v1, in batch mode: it takes a poll's records
 * and returns only once each is settled in PostgreSQL: applied, skipped as a redelivery, or parked in
 * {@code dead_letter} (see {@link Intake}); only then does the binding commit the poll's offsets. A poll is first
 * offered whole, in one transaction ({@link Intake#offerAll}: the usual case, every record applied or redelivered);
 * if that does not go through (a record to park, a malformed one, any failure), nothing of it was written and its
 * records are settled one at a time, in order: the database being unavailable or read-only, or a transaction that
 * lost a race (a deadlock), is waited out ({@link DatabaseWait}), however long it takes, and nothing is ever parked
 * for it; any other failure is tried {@value #ATTEMPTS} times, then the record is parked as {@code failed}. Nothing
 * is thrown to the binding, but for a poll whose payloads do not match its records (a binding that converts messages
 * instead of decoding natively): that is refused whole, never committed without the records left out.
 */
@Configuration(proxyBeanMethods = false)
class ProjectEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(ProjectEventsConsumer.class);
    static final int ATTEMPTS = 3;

    @Bean
    Consumer<Message<List<byte[]>>> projectEvents(Intake intake, DatabaseWait databaseWait, MeterRegistry meters,
                                                  @Value("${spring.cloud.stream.bindings.projectEvents-in-0.destination}")
                                                  String topic) {
        Counter redelivered = Counter.builder("groundbreak.funnel.events.redelivered")
                .description("Records skipped because their event was applied already")
                .register(meters);
        return poll -> {
            List<ReceivedRecord> records = received(poll, topic);
            if (records.size() > 1) {
                try {
                    List<IntakeResult> results = intake.offerAll(records);
                    for (int i = 0; i < results.size(); i++) {
                        settled(meters, redelivered, records.get(i), results.get(i));
                    }
                    return;
                } catch (RuntimeException e) {
                    // nothing was written: the records go in one at a time, each settled as below
                    log.debug("A poll of {} records is taken in one at a time: {}", records.size(), DatabaseWait.root(e));
                }
            }
            records.forEach(record -> settled(meters, redelivered, record, settle(intake, databaseWait, record)));
        };
    }

    /** One record settled: applied, redelivered or parked; the database waited out, other failures tried again. */
    private static IntakeResult settle(Intake intake, DatabaseWait databaseWait, ReceivedRecord record) {
        for (int failures = 1; ; failures++) {
            try {
                return databaseWait.untilThrough(() -> intake.offer(record), DatabaseOutages::isRetryable);
            } catch (RuntimeException e) {
                if (failures == ATTEMPTS) {
                    return parkFailed(intake, databaseWait, record, DatabaseWait.root(e), failures);
                }
                log.warn("Record {}-{} offset {} failed (attempt {} of {}), retrying: {}", record.topic(),
                        record.partition(), record.offset(), failures, ATTEMPTS, DatabaseWait.root(e));
                DatabaseWait.sleep(Duration.ofMillis(100L << failures));
            }
        }
    }

    /** Parks what no retry fixed; parking itself is tried until it goes through, whatever fails: never dropped. */
    private static IntakeResult parkFailed(Intake intake, DatabaseWait databaseWait, ReceivedRecord record,
                                           String failure, int attempts) {
        return databaseWait.untilThrough(() -> intake.parkFailed(record, failure, attempts), parkingFailure -> {
            if (!DatabaseOutages.isRetryable(parkingFailure)) {
                log.error("Could not park record {}-{} offset {}: {}", record.topic(), record.partition(),
                        record.offset(), DatabaseWait.root(parkingFailure));
            }
            return true;
        });
    }

    /** Counts and logs what became of a record. */
    private static void settled(MeterRegistry meters, Counter redelivered, ReceivedRecord record, IntakeResult result) {
        switch (result.kind()) {
            case REDELIVERED -> {
                redelivered.increment();
                log.debug("Skipped redelivered event of project {} (sequence {})", result.projectId(), result.sequence());
            }
            case PARKED -> parked(meters, record, result);
            case APPLIED -> { }
        }
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

    /**
     * The poll's records as the binding delivered them (batch mode: one list per header, in the payload's order): where
     * from, key, value, and the Kafka headers with their raw values.
     */
    static List<ReceivedRecord> received(Message<List<byte[]>> poll, String defaultTopic) {
        Map<String, Object> headers = poll.getHeaders();
        List<byte[]> values = poll.getPayload();
        List<?> topics = list(headers.get(KafkaHeaders.RECEIVED_TOPIC));
        List<?> partitions = list(headers.get(KafkaHeaders.RECEIVED_PARTITION));
        List<?> offsets = list(headers.get(KafkaHeaders.OFFSET));
        List<?> keys = list(headers.get(KafkaHeaders.RECEIVED_KEY));
        List<?> recordHeaders = list(headers.get(KafkaHeaders.BATCH_CONVERTED_HEADERS));
        if (values.size() != offsets.size() || !list(headers.get(KafkaHeaders.CONVERSION_FAILURES)).isEmpty()) {
            // a message conversion left records out of the payload: taking the rest would commit the poll without them
            throw new IllegalStateException("the binding delivered " + values.size() + " payloads for " + offsets.size()
                    + " records; the poll is refused whole (the binding must decode natively, use-native-decoding)");
        }
        List<ReceivedRecord> records = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            Object topic = at(topics, i);
            Object partition = at(partitions, i);
            Object offset = at(offsets, i);
            Object key = at(keys, i);
            List<String> names = new ArrayList<>();
            List<byte[]> headerValues = new ArrayList<>();
            if (at(recordHeaders, i) instanceof Map<?, ?> map) {
                map.forEach((name, value) -> {
                    if (name instanceof String text && !text.startsWith("kafka_")) {
                        if (value instanceof byte[] bytes) {
                            names.add(text);
                            headerValues.add(bytes);
                        } else if (value instanceof String string) {
                            names.add(text);
                            headerValues.add(string.getBytes(StandardCharsets.UTF_8));
                        }
                    }
                });
            }
            records.add(new ReceivedRecord(topic instanceof String t ? t : defaultTopic,
                    partition instanceof Number p ? p.intValue() : -1,
                    offset instanceof Number o ? o.longValue() : -1,
                    key instanceof byte[] bytes ? bytes : key == null ? null : key.toString().getBytes(StandardCharsets.UTF_8),
                    values.get(i), names, headerValues));
        }
        return records;
    }

    private static List<?> list(Object header) {
        return header instanceof List<?> list ? list : List.of();
    }

    private static Object at(List<?> list, int index) {
        return index < list.size() ? list.get(index) : null;
    }
}
