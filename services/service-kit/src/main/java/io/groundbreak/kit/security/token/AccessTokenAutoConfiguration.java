package io.groundbreak.kit.security.token;

import io.groundbreak.reference.ReferenceData;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Access tokens when a secret is configured, or in profile {@code local}, whose development secret is
 * published like the development users' passwords and is therefore refused in every other profile.
 */
@AutoConfiguration
@EnableConfigurationProperties(AccessTokenProperties.class)
public class AccessTokenAutoConfiguration {

    /** Only for profile local: anyone can read it here. */
    public static final String LOCAL_DEVELOPMENT_SECRET = "groundbreak-local-development-secret-do-not-deploy";

    @Bean
    @Conditional(SecretConfiguredOrLocalProfile.class)
    AccessTokens accessTokens(AccessTokenProperties properties, Environment environment, ReferenceData referenceData,
                              ObjectProvider<Clock> clock) {
        boolean local = environment.acceptsProfiles(Profiles.of("local"));
        String secret = properties.secret();
        if (secret == null || secret.isBlank()) {
            secret = LOCAL_DEVELOPMENT_SECRET;
        } else if (!local && secret.equals(LOCAL_DEVELOPMENT_SECRET)) {
            throw new IllegalStateException("groundbreak.security.token.secret is the published development secret "
                    + "of profile local; configure a secret of your own");
        }
        return new AccessTokens(secret, properties.ttl(), clock.getIfAvailable(Clock::systemUTC),
                referenceData.districtCodes());
    }

    static class SecretConfiguredOrLocalProfile implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            String secret = environment.getProperty("groundbreak.security.token.secret");
            return (secret != null && !secret.isBlank()) || environment.acceptsProfiles(Profiles.of("local"));
        }
    }
}
