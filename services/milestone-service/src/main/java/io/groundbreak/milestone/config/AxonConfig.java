package io.groundbreak.milestone.config;

import io.groundbreak.milestone.publishing.ProjectEventPublisher;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AxonConfig {

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
