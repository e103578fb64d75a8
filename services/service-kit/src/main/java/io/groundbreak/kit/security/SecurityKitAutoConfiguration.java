package io.groundbreak.kit.security;

import io.groundbreak.reference.ReferenceData;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Users for every service: those of {@code groundbreak.security.users} (BCrypt hashes) and, only in
 * the {@code local} profile, the development users. No user is generated (unlike Spring Boot's
 * default); another profile without configured users accepts nobody.
 */
@AutoConfiguration
@EnableConfigurationProperties(ConfiguredUsers.class)
public class SecurityKitAutoConfiguration {

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers() {
        return new ProblemSecurityHandlers();
    }

    /**
     * Only a UserDetailsService, deliberately not the manager itself: a bean that is also a
     * UserDetailsPasswordService makes Spring Security re-encode {noop} passwords to BCrypt on the first
     * login, and every later request would then pay a BCrypt check (~90 ms here).
     */
    @Bean
    UserDetailsService users(ConfiguredUsers configured, ReferenceData referenceData, Environment environment) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(UserDirectory.users(configured.users(),
                environment.acceptsProfiles(Profiles.of("local")), referenceData.districtCodes()));
        return users::loadUserByUsername;
    }
}
