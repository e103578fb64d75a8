package io.groundbreak.kit.security;

import io.groundbreak.reference.ReferenceData;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Users for every service. Only the {@code local} profile ships the development users; any other
 * profile has none (instead of Spring Boot's generated one) until an identity provider is wired.
 */
@AutoConfiguration
public class SecurityKitAutoConfiguration {

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers() {
        return new ProblemSecurityHandlers();
    }

    @Bean
    @Profile("local")
    UserDetailsService localUsers(ReferenceData referenceData) {
        return new InMemoryUserDetailsManager(LocalUsers.forDistricts(referenceData.districtCodes()));
    }

    @Bean
    @Profile("!local")
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager(List.of());
    }
}
