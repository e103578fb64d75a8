package io.groundbreak.kit.security;

import io.groundbreak.kit.security.token.AccessTokens;
import org.springframework.context.ApplicationContext;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The security every service shares: stateless HTTP Basic and, where access tokens are configured,
 * the web app's signed tokens (Bearer); 401/403 as problem+json, health open, other Actuator endpoints
 * for admins. Each service adds only its own authorization rules.
 */
public final class ServiceSecurity {

    private ServiceSecurity() {
    }

    public static SecurityFilterChain chain(HttpSecurity http, ProblemSecurityHandlers problems,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> rules)
            throws Exception {
        AccessTokens tokens = http.getSharedObject(ApplicationContext.class).getBeanProvider(AccessTokens.class)
                .getIfAvailable();
        if (tokens != null) {
            http.oauth2ResourceServer(server -> server
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.decoder(tokens.decoder()).jwtAuthenticationConverter(tokens::authentication)));
        }
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
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
