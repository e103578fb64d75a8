package io.groundbreak.milestone.config;

import io.groundbreak.milestone.publishing.ProjectEventPublisher;
import io.groundbreak.milestone.publishing.SignallingEventSource;
import java.time.Duration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// the event store's entities, which Axon's JPA event store auto-configuration registers only when it builds the engine
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
@Configuration(proxyBeanMethods = false)
class AxonConfig {

    /** The name {@code @Aggregate(cache = ...)} of Project refers to. */
    static final String PROJECT_CACHE = "projectCache";

    /**
     * Projects in memory between writes (CommittedStateCache): a write no longer reads and replays the project's
     * events (~10 % of a write's CPU in the profile, growing with the project's history).
     */
    @Bean(PROJECT_CACHE)
    Cache projectCache(@Value("${groundbreak.project-cache.capacity:10000}") int capacity) {
        return new CommittedStateCache(capacity);
    }

    /**
     * Axon's JPA storage engine as its auto-configuration builds it, reading from a token with queries PostgreSQL
     * answers from the index (IndexedReadStorageEngine).
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver exceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          EntityManagerProvider entityManagerProvider,
                                          TransactionManager transactionManager) {
        return new IndexedReadStorageEngine(JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(exceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager));
    }

    /**
     * The instance holding the publisher's segment renews its claim this often, well within
     * axon.eventhandling.tokenstore.claim-timeout, so that another instance takes the segment over only when this
     * one is gone (Axon's default threshold, 5 s, would leave a 6 s claim one late renewal from being taken). The
     * coordinator renews it while a batch runs too: a batch may take longer than the timeout (the first one creates
     * the Kafka producer; Kafka may acknowledge slowly), and without that the other instance would take the segment
     * mid-batch and this one would fail the batch at its end.
     */
    @Bean
    ConfigurerModule publisherRenewsItsClaim(@Value("${groundbreak.publisher.claim-extension:1500ms}") Duration renewal) {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                ProjectEventPublisher.PROCESSING_GROUP,
                (configuration, builder) -> builder.claimExtensionThreshold(renewal.toMillis())
                        .enableCoordinatorClaimExtension()
                        // woken when an event is stored instead of looking every 500 ms (SignallingEventSource)
                        .messageSource(SignallingEventSource.of(configuration)));
    }

    /**
     * The publisher must never skip an event: a failed send fails the batch, so the token does not
     * move and the processor retries. Axon's default would log the failure and go on.
     */
    @Bean
    ConfigurerModule publisherPropagatesErrors() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                ProjectEventPublisher.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
