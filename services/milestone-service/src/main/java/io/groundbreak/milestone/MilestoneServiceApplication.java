package io.groundbreak.milestone;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
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
