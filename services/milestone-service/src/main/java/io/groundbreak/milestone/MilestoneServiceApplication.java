package io.groundbreak.milestone;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling // the hourly clean-up of expired idempotency keys
public class MilestoneServiceApplication {

    public static void main(String[] args) {
        // Axon's update checker calls out to the internet and writes under the home folder
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(MilestoneServiceApplication.class, args);
    }

    /** The aggregate's notion of "now" and "today"; tests pin it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
