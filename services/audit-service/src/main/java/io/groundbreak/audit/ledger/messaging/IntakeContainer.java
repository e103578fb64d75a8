package io.groundbreak.audit.ledger.messaging;

import java.util.function.BiFunction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The binder would retry a failed record three times and then drop it (this service has no dead-letter
 * topic): instead, the listener container retries it for as long as it fails, with a back-off from
 * {@code groundbreak.intake.retry.initial} (0.5 s) doubling up to {@code groundbreak.intake.retry.max} (5 s).
 * Only a database failure gets here (everything else is parked by the intake). The container seeks back
 * and polls again between tries, so the consumer stays in its group however long the database is away,
 * and the offset never moves past a record that is not stored.
 */
@Configuration(proxyBeanMethods = false)
public class IntakeContainer {

    /** Deliveries that failed and are tried again (the database did not take them). */
    public static final String RETRIES_METRIC = "groundbreak.audit.intake.retries";

    private static final Logger log = LoggerFactory.getLogger(IntakeContainer.class);

    @Bean
    ListenerContainerWithDlqAndRetryCustomizer retryUntilStored(
            @Value("${groundbreak.intake.retry.initial:500ms}") java.time.Duration initial,
            @Value("${groundbreak.intake.retry.max:5s}") java.time.Duration max, MeterRegistry meters) {
        Counter retries = Counter.builder(RETRIES_METRIC)
                .description("Deliveries the database could not take, tried again (never parked, never dropped)")
                .register(meters);
        return new ListenerContainerWithDlqAndRetryCustomizer() {
            @Override
            public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                                  BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                                  BackOff backOff) {
                ExponentialBackOff untilStored = new ExponentialBackOff(initial.toMillis(), 2.0);
                untilStored.setMaxInterval(max.toMillis());
                untilStored.setMaxElapsedTime(Long.MAX_VALUE);
                untilStored.setMaxAttempts(Long.MAX_VALUE);
                DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) ->
                        log.error("Gave up on record {}-{}@{}: this never happens with an unbounded back-off",
                                record.topic(), record.partition(), record.offset(), failure), untilStored);
                handler.setRetryListeners((record, failure, attempt) -> {
                    retries.increment();
                    log.warn("Record {}-{}@{} not stored yet (attempt {}), trying again: {}", record.topic(),
                            record.partition(), record.offset(), attempt, rootMessage(failure));
                });
                // each try is logged once, by the listener above, without a stack trace per try
                handler.setLogLevel(KafkaException.Level.DEBUG);
                container.setCommonErrorHandler(handler);
            }

            @Override
            public boolean retryAndDlqInBinding(String destinationName, String group) {
                return false;
            }
        };
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
