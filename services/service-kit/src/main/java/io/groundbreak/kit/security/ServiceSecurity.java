package io.groundbreak.kit.security;

import io.groundbreak.kit.security.bearer.TokenUsers;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The security every service shares: stateless; an access token of the identity provider (Bearer) always, HTTP Basic
 * with the development users only in profile {@code local}; 401/403 as problem+json, health open, other Actuator
 * endpoints for admins. Each service adds only its own authorization rules.
 */
public final class ServiceSecurity {

    private ServiceSecurity() {
    }

    /** HTTP Basic (with LocalUsers, whose passwords are published) is accepted in profile {@code local} only. */
    public static boolean basicAllowed(Environment environment) {
        return environment.acceptsProfiles(Profiles.of("local"));
    }

    public static SecurityFilterChain chain(HttpSecurity http, ProblemSecurityHandlers problems,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> rules)
            throws Exception {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        http.oauth2ResourceServer(server -> server
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems)
                .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                    @Override
                    public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                        // the provider unreachable is 503, not a 401 nor an exception the container turns into 500
                        filter.setAuthenticationFailureHandler(problems);
                        return filter;
                    }
                })
                .jwt(jwt -> jwt.decoder(context.getBean(JwtDecoder.class))
                        .jwtAuthenticationConverter(context.getBean(TokenUsers.class))));
        if (basicAllowed(context.getEnvironment())) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
        }
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                            .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name());
                    rules.customize(requests);
                    requests.anyRequest().authenticated();
                })
                .build();
    }
}
