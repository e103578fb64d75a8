package io.groundbreak.funnel;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FunnelServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FunnelServiceApplication.class, args);
    }

    /** "Today" for the default {@code asOf}; tests can pin it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
