package io.groundbreak.funnel.config;

import io.groundbreak.events.EventCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;

/** HTTP answers write amounts and ids the way events do: amounts as decimal strings. */
@Configuration(proxyBeanMethods = false)
class JsonConfig {

    @Bean
    JacksonModule groundbreakEventsModule() {
        return EventCodec.module();
    }
}
