package io.groundbreak.kit.kafka;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link TopicPartitionsCheck} for a service that consumes with Spring Cloud Stream's Kafka binder while
 * {@code spring.cloud.stream.kafka.binder.auto-add-partitions} is off (the binder's default): every binding's
 * destination, against the binder's {@code min-partition-count}, on the binder's {@code brokers}.
 * {@code groundbreak.kafka.topic-partitions-check.timeout} (5 s) bounds how long it waits for the broker.
 */
@AutoConfiguration
@ConditionalOnClass(name = {"org.apache.kafka.clients.admin.Admin",
        "org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder"})
@ConditionalOnProperty(name = "spring.cloud.stream.kafka.binder.auto-add-partitions", havingValue = "false",
        matchIfMissing = true)
public class TopicPartitionsAutoConfiguration {

    @Bean
    TopicPartitionsCheck topicPartitionsCheck(Environment environment) {
        Binder binder = Binder.get(environment);
        String brokers = String.join(",", binder.bind("spring.cloud.stream.kafka.binder.brokers",
                Bindable.listOf(String.class)).orElse(List.of("localhost:9092")));
        int minimum = binder.bind("spring.cloud.stream.kafka.binder.min-partition-count", Integer.class).orElse(1);
        Duration timeout = binder.bind("groundbreak.kafka.topic-partitions-check.timeout", Duration.class)
                .orElse(Duration.ofSeconds(5));
        List<String> topics = binder.bind("spring.cloud.stream.bindings", Bindable.mapOf(String.class, Object.class))
                .orElse(Map.of()).values().stream()
                .filter(Map.class::isInstance)
                .map(binding -> ((Map<?, ?>) binding).get("destination"))
                .filter(String.class::isInstance)
                .flatMap(destinations -> Arrays.stream(((String) destinations).split(",")))
                .map(String::strip)
                .filter(topic -> !topic.isEmpty())
                .distinct()
                .toList();
        return new TopicPartitionsCheck(brokers, topics, minimum, timeout);
    }
}
