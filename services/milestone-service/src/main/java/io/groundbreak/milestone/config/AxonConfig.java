package io.groundbreak.milestone.config;

import io.groundbreak.milestone.publishing.ProjectEventPublisher;
import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AxonConfig {

    /**
     * The instance holding the publisher's segment renews its claim this often while no batch does it, well within
     * axon.eventhandling.tokenstore.claim-timeout, so that another instance takes the segment over only when this
     * one is gone (Axon's default threshold, 5 s, would leave a 6 s claim one late renewal from being taken).
     */
    @Bean
    ConfigurerModule publisherRenewsItsClaim(@Value("${groundbreak.publisher.claim-extension:1500ms}") Duration renewal) {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                ProjectEventPublisher.PROCESSING_GROUP,
                (configuration, builder) -> builder.claimExtensionThreshold(renewal.toMillis()));
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
