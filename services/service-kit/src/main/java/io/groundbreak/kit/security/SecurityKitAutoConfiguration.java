package io.groundbreak.kit.security;

import io.groundbreak.reference.ReferenceData;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
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
     * No observation of the security filter chain, authentication or authorization: nothing here exports traces, and
     * with observations on, every filter of every request is wrapped in one (a property that only switches the
     * observations off keeps the wrapping; infra/bench/ANALYSIS.md). {@code http.server.requests} stays.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The password check of every login and every HTTP Basic request: BCrypt once per user and password, then a
     * digest for {@code groundbreak.security.verified-password-ttl} (VerifiedPasswords). Spring Security uses the one
     * PasswordEncoder bean for its user details, with the same {bcrypt}/{noop} prefixes as its default.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${groundbreak.security.verified-password-ttl:5m}") String ttl) {
        return new VerifiedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                DurationStyle.detectAndParse(ttl), 10_000,
                Clock.systemUTC());
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
