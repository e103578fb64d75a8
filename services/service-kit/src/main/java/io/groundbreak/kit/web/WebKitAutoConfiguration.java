package io.groundbreak.kit.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

@AutoConfiguration
public class WebKitAutoConfiguration {

    @Bean
    InvalidInputAnswers invalidInputAnswers() {
        return new InvalidInputAnswers();
    }
}
