package io.groundbreak.bench;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventCodec;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.EventTime;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.Stage;
import io.groundbreak.testsupport.events.ProjectStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Real, sealed Groundbreak events (a registration and five milestones per project, as the ingest load
 * posts them), so that the raw limits move rows and records of the same size as the system does: the
 * JDBC row carries the body and the envelope as Axon stores them (payload and metadata), the Kafka
 * record carries the key, the CloudEvents headers and the body as the publisher sends them.
 */
final class EventSamples {

    /** One event as a Kafka record and as an event-store row. */
    record Sample(String key, Map<String, String> headers, byte[] body, byte[] metadata, String type,
                  String eventId, String projectId, long sequence, String time) {

        /** The Kafka record milestone-service's publisher would send for this event, to {@code topic}. */
        ProducerRecord<byte[], byte[]> record(String topic) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, utf8(key), body);
            headers.forEach((name, value) -> record.headers().add(name, utf8(value)));
            return record;
        }
    }

    private final List<Sample> samples;

    private EventSamples(List<Sample> samples) {
        this.samples = samples;
    }

    static EventSamples generate(int projects, List<String> districts, List<String> chains) {
        return generate(projects, districts, chains, 11);
    }

    /** {@code projects} projects' events, each project's in order, one project after the other. */
    static EventSamples generate(int projects, List<String> districts, List<String> chains, long seed) {
        return new EventSamples(envelopes(projects, districts, chains, seed).stream().map(EventSamples::sample)
                .toList());
    }

    /** The sealed envelopes behind {@link #generate}: a registration and five milestones per project. */
    static List<EventEnvelope> envelopes(int projects, List<String> districts, List<String> chains, long seed) {
        Random random = new Random(seed);
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (int i = 0; i < projects; i++) {
            String district = districts.get(random.nextInt(districts.size()));
            ProjectStream stream = new ProjectStream(district);
            envelopes.add(stream.next(new ProjectRegistered(stream.projectId, "SEED-" + seed + "-" + i,
                    "基准项目 " + i, district, chains.get(random.nextInt(chains.size())), "某某投资集团有限公司",
                    BigDecimal.valueOf(100_000_000L + random.nextInt(900_000_000), 0).setScale(2), null)));
            LocalDate date = LocalDate.of(2021, 1, 4).plusDays(random.nextInt(900));
            for (Stage stage : Stage.values()) {
                envelopes.add(stream.next(new MilestoneRecorded(stream.projectId, stage, date,
                        BigDecimal.valueOf(10_000_000L + random.nextInt(90_000_000), 0).setScale(2), null)));
                date = date.plusDays(random.nextInt(60));
            }
        }
        return List.copyOf(envelopes);
    }

    Sample get(long index) {
        return samples.get((int) (index % samples.size()));
    }

    int size() {
        return samples.size();
    }

    double averageRecordBytes() {
        return samples.stream().mapToLong(sample -> sample.key().length() + sample.body().length
                + sample.headers().entrySet().stream()
                .mapToLong(header -> header.getKey().length() + utf8(header.getValue()).length).sum())
                .average().orElse(0);
    }

    double averageRowBytes() {
        return samples.stream().mapToLong(sample -> sample.body().length + sample.metadata().length).average().orElse(0);
    }

    private static Sample sample(EventEnvelope envelope) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("eventId", envelope.id().toString());
        metadata.put("time", EventTime.format(envelope.time()));
        metadata.put("recordedBy", envelope.recordedBy());
        metadata.put("prevHash", envelope.prevHash());
        metadata.put("hash", envelope.hash());
        metadata.put("district", envelope.district());
        return new Sample(envelope.subject().toString(), CloudEventHeaders.of(envelope),
                EventCodec.toJsonBytes(envelope.data()),
                EventCodec.jsonMapper().writeValueAsBytes(metadata), envelope.type(), envelope.id().toString(),
                envelope.subject().toString(), envelope.sequence(), EventTime.format(envelope.time()));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
