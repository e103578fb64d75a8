package io.groundbreak.audit.config;

import io.groundbreak.events.EventCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;

/** HTTP answers write event bodies exactly as the codec does: amounts as decimal strings. */
@Configuration(proxyBeanMethods = false)
class JsonConfig {

    @Bean
    JacksonModule groundbreakEventsModule() {
        return EventCodec.module();
    }
}
