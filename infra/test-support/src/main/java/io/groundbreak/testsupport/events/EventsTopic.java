package io.groundbreak.testsupport.events;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventCodec;
import io.groundbreak.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes records the way milestone-service does: key = projectId, CloudEvents headers as raw UTF-8 bytes. */
public final class EventsTopic implements AutoCloseable {

    private final String topic;
    private final KafkaProducer<byte[], byte[]> producer;

    public EventsTopic(String bootstrapServers, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    public void send(EventEnvelope... envelopes) {
        for (EventEnvelope envelope : envelopes) {
            send(envelope.subject().toString(), CloudEventHeaders.of(envelope), EventCodec.toJsonBytes(envelope.data()));
        }
    }

    /** Any headers and body, e.g. an event's with something altered after it was sealed. */
    public void send(String key, Map<String, String> headers, byte[] body) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, utf8(key), body);
        headers.forEach((name, value) -> record.headers().add(name, utf8(value)));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not take a record of " + key, e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
