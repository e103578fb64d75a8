package io.groundbreak.kit.security;

import io.groundbreak.reference.ReferenceData;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * What every service's security shares: 401/403 as problem+json and, only in profile {@code local}, the development
 * users for HTTP Basic. Everywhere else a caller brings an access token of the identity provider
 * (security.bearer); no user and no password is kept by a service.
 */
@AutoConfiguration
public class SecurityKitAutoConfiguration {

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers(Environment environment) {
        return new ProblemSecurityHandlers(ServiceSecurity.basicAllowed(environment));
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
     * Only a UserDetailsService, deliberately not the manager itself: a bean that is also a
     * UserDetailsPasswordService makes Spring Security re-encode {noop} passwords to BCrypt on the first
     * login, and every later request would then pay a BCrypt check (~90 ms here).
     */
    @Bean
    @Profile("local")
    UserDetailsService localUsers(ReferenceData referenceData) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(LocalUsers.forDistricts(referenceData.districtCodes()));
        return users::loadUserByUsername;
    }
}
