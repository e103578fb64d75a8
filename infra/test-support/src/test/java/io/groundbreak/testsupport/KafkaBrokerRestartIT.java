package io.groundbreak.testsupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The broker tests get is real, and a fault test can stop it and bring it back on the same address. */
class KafkaBrokerRestartIT {

    private final KafkaBroker broker = TestInfrastructure.get().kafka();
    private final String topic = "restart-it-" + UUID.randomUUID();

    @Test
    void producesAndConsumesAcrossAStopAndAStartOnTheSamePort() throws Exception {
        assumeTrue(broker.canRestart(), "the broker comes from the environment");
        String address = broker.bootstrapServers();

        try (KafkaProducer<String, String> producer = producer();
             KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(topic));

            producer.send(new ProducerRecord<>(topic, "project-1", "before")).get(30, TimeUnit.SECONDS);
            assertThat(pollUntil(consumer, 1)).containsExactly("before");

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            // with the broker gone the send cannot be acknowledged: it fails after delivery.timeout.ms
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "project-1", "lost")).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);

            broker.start();
            assertThat(broker.isRunning()).isTrue();
            assertThat(broker.bootstrapServers()).isEqualTo(address);

            // the same clients reconnect by themselves; the record sent before the stop was kept
            producer.send(new ProducerRecord<>(topic, "project-1", "after")).get(60, TimeUnit.SECONDS);
            assertThat(pollUntil(consumer, 1)).containsExactly("after");
        }
    }

    @Test
    void stopAndStartAreHarmlessWhenRepeated() {
        assumeTrue(broker.canRestart(), "the broker comes from the environment");
        broker.start();
        assertThat(broker.isRunning()).isTrue();
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000),
                new StringSerializer(), new StringSerializer());
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "restart-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
    }

    /** Polls until {@code count} new records arrived (poll blocks on the broker; no sleeping). */
    private static List<String> pollUntil(KafkaConsumer<String, String> consumer, int count) {
        List<String> values = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).until(() -> {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                values.add(record.value());
            }
            return values.size() >= count;
        });
        consumer.commitSync();
        return values;
    }
}
