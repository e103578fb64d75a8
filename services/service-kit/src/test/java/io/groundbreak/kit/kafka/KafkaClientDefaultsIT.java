package io.groundbreak.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.groundbreak.testsupport.KafkaBroker;
import io.groundbreak.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * A service-shaped context (Spring Kafka's KafkaAdmin and a producer that keeps sending, like
 * milestone-service's publisher; a Spring Cloud Stream consumer, like funnel-service and audit-service;
 * a long-lived AdminClient built from KafkaAdmin's configuration, like a consumer-lag check) loses its
 * broker: with service-kit's {@link KafkaClientDefaults} it logs a bounded number of lines about it per
 * minute, and it closes within a bound instead of waiting on its clients.
 */
class KafkaClientDefaultsIT {

    /**
     * Lines per minute about the missing broker, for the whole context (every client together; one
     * failed send a second adds its own error line). Measured without the defaults: ~900.
     */
    static final int MAX_LINES_PER_MINUTE = 100;
    static final Duration MAX_CLOSE = Duration.ofSeconds(15);
    private static final Duration WINDOW = Duration.ofSeconds(60);

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private KafkaBroker broker;

    @AfterEach
    void brokerBack() {
        if (broker != null) {
            broker.start();
        }
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    }

    @Test
    void aContextWhoseBrokerIsGoneLogsABoundedNumberOfLinesAndClosesInTime() {
        Measurement measured = measure(true);
        System.out.println("with the defaults: " + measured);
        assertThat(measured.linesPerMinute()).as(measured.toString()).isLessThanOrEqualTo(MAX_LINES_PER_MINUTE);
        assertThat(measured.close()).as(measured.toString()).isLessThan(MAX_CLOSE);
    }

    /** Without the defaults, for comparison: {@code -Dkafka.defaults.compare=true}; it takes minutes. */
    @Test
    void withoutTheDefaultsForComparison() {
        assumeTrue(Boolean.getBoolean("kafka.defaults.compare"), "only on demand (-Dkafka.defaults.compare=true)");
        System.out.println("without the defaults: " + measure(false));
    }

    private Measurement measure(boolean defaults) {
        broker = TestInfrastructure.get().kafka();
        assumeTrue(broker.canRestart(), "the broker is not the tests' to stop");
        String topic = "kit-defaults-" + UUID.randomUUID();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ServiceShapedApp.class)
                .web(org.springframework.boot.WebApplicationType.NONE)
                .properties(
                        "spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                        "spring.cloud.stream.kafka.binder.brokers=" + broker.bootstrapServers(),
                        "spring.kafka.producer.key-serializer=org.apache.kafka.common.serialization.ByteArraySerializer",
                        "spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.ByteArraySerializer",
                        "spring.kafka.producer.properties.max.block.ms=3000",
                        "spring.kafka.producer.properties.request.timeout.ms=2000",
                        "spring.kafka.producer.properties.delivery.timeout.ms=5000",
                        "spring.cloud.function.definition=events",
                        "spring.cloud.stream.bindings.events-in-0.destination=" + topic,
                        "spring.cloud.stream.bindings.events-in-0.group=kit-defaults",
                        "spring.cloud.stream.bindings.events-in-0.content-type=application/octet-stream",
                        "spring.cloud.stream.kafka.bindings.events-in-0.consumer.configuration.auto.offset.reset=earliest",
                        "kit.topic=" + topic,
                        "spring.main.banner-mode=off",
                        KafkaClientDefaults.ENABLED + "=" + defaults)
                .run();
        ServiceShapedApp app = context.getBean(ServiceShapedApp.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> app.received.get() > 0);

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        log.start();
        root.addAppender(log);
        broker.stop();
        long begin = System.nanoTime();
        // the window is the measurement: a minute without a broker, counting every line its clients log
        await().pollDelay(WINDOW).atMost(WINDOW.plusSeconds(5)).until(() -> true);
        List<ILoggingEvent> window = List.copyOf(log.list);
        double minutes = Duration.ofNanos(System.nanoTime() - begin).toMillis() / 60_000.0;

        long closing = System.nanoTime();
        context.close();
        Duration close = Duration.ofNanos(System.nanoTime() - closing);

        List<ILoggingEvent> aboutKafka = window.stream().filter(KafkaClientDefaultsIT::aboutKafka).toList();
        Map<String, Integer> byLogger = new TreeMap<>();
        aboutKafka.forEach(event -> byLogger.merge(event.getLoggerName() + " " + event.getLevel(), 1, Integer::sum));
        return new Measurement((int) Math.round(aboutKafka.size() / minutes), close, byLogger, samples(aboutKafka));
    }

    private static boolean aboutKafka(ILoggingEvent event) {
        String logger = event.getLoggerName();
        return logger.startsWith("org.apache.kafka") || logger.startsWith("org.springframework.kafka")
                || logger.startsWith("org.springframework.cloud.stream");
    }

    private static List<String> samples(List<ILoggingEvent> events) {
        List<String> samples = new ArrayList<>();
        events.stream().map(ILoggingEvent::getFormattedMessage).distinct().limit(8)
                .forEach(message -> samples.add(message.length() > 160 ? message.substring(0, 160) : message));
        return samples;
    }

    record Measurement(int linesPerMinute, Duration close, Map<String, Integer> byLogger, List<String> samples) {
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {
            "io.groundbreak.kit.security.SecurityKitAutoConfiguration",
            "io.groundbreak.kit.security.bearer.BearerTokenAutoConfiguration",
            "io.groundbreak.kit.web.WebKitAutoConfiguration",
            "io.groundbreak.kit.reference.ReferenceDataAutoConfiguration"})
    @EnableScheduling
    static class ServiceShapedApp {

        final AtomicInteger received = new AtomicInteger();
        private volatile Admin admin;

        @Bean
        NewTopic kitTopic(org.springframework.core.env.Environment environment) {
            return TopicBuilder.name(environment.getProperty("kit.topic")).partitions(2).replicas(1).build();
        }

        @Bean
        Consumer<byte[]> events() {
            return event -> received.incrementAndGet();
        }

        /** A long-lived admin client, as a lag check keeps one; built from KafkaAdmin's configuration. */
        @Bean(destroyMethod = "close")
        Admin lagAdmin(KafkaAdmin kafkaAdmin) {
            admin = Admin.create(kafkaAdmin.getConfigurationProperties());
            return admin;
        }

        /** Sends once a second, like a publisher retrying its batch, and asks the admin client like a lag check. */
        @Scheduled(fixedDelay = 1000)
        void work() {
            KafkaTemplate<byte[], byte[]> current = template;
            if (current != null) {
                current.send(topic, "key".getBytes(), "value".getBytes());
            }
            if (admin != null) {
                admin.listTopics();
            }
        }

        private volatile KafkaTemplate<byte[], byte[]> template;
        private volatile String topic;

        @Bean
        Object wiring(KafkaTemplate<byte[], byte[]> kafka, org.springframework.core.env.Environment environment) {
            this.template = kafka;
            this.topic = environment.getProperty("kit.topic");
            return new Object();
        }
    }
}
