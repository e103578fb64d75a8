package io.groundbreak.kit.json;

import io.groundbreak.events.EventCodec;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JacksonModule;

/**
 * Spring Boot's JsonMapper writes ids and amounts the way events do (amounts as decimal strings);
 * on milestone-service it is also the mapper of Axon's jackson3 serializer.
 */
@AutoConfiguration
public class JsonKitAutoConfiguration {

    @Bean
    JacksonModule groundbreakEventsModule() {
        return EventCodec.module();
    }
}
