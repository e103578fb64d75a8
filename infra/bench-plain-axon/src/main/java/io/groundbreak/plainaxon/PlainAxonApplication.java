package io.groundbreak.plainaxon;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The bench's plain-Axon baseline ({@code raw.axon.plain}): the write side a user of Spring Boot and Axon 4.13
 * would write for the same two requests the bench's district clients post, with nothing of Groundbreak's
 * (no authentication, no Idempotency-Key, no publisher, no hash chain) and Axon's defaults (no aggregate cache).
 */
@SpringBootApplication
public class PlainAxonApplication {

    public static void main(String[] args) {
        // Axon's update checker calls out to the internet and writes under the home folder
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(PlainAxonApplication.class, args);
    }
}
