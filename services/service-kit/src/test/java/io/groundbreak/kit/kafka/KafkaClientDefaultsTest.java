package io.groundbreak.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class KafkaClientDefaultsTest {

    @Test
    void theDefaultsComeLastSoThatAnyServiceOrEnvironmentSettingWins() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application.yml",
                Map.of("spring.kafka.properties.reconnect.backoff.max.ms", "2000")));

        new KafkaClientDefaults().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("spring.kafka.properties.reconnect.backoff.max.ms")).isEqualTo("2000");
        assertThat(environment.getProperty("spring.kafka.admin.close-timeout")).isEqualTo("5s");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.health-timeout")).isEqualTo("5");
        assertThat(environment.getProperty("logging.level.org.apache.kafka.clients.Metadata")).isEqualTo("WARN");
        assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow().getName())
                .isEqualTo(KafkaClientDefaults.PROPERTY_SOURCE);
    }

    @Test
    void theyCanBeTurnedOff() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(KafkaClientDefaults.ENABLED, "false")));

        new KafkaClientDefaults().postProcessEnvironment(environment, null);

        assertThat(environment.getPropertySources().contains(KafkaClientDefaults.PROPERTY_SOURCE)).isFalse();
    }
}
