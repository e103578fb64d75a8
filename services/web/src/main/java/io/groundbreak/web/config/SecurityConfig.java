package io.groundbreak.web.config;

import io.groundbreak.kit.security.ProblemSecurityHandlers;
import io.groundbreak.kit.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login form for every role, a session cookie, and CSRF protection for every state-changing call
 * (the token travels as a cookie the pages echo in a header). Pages redirect to the login; /api and
 * /web answer 401/403 as problem+json. The audit pages are for auditors and admins only; the services
 * enforce roles and districts again on every forwarded call.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        ProblemSecurityHandlers problems = ProblemSecurityHandlers.withoutBasicChallenge();
        RequestMatcher json = new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/api/**"),
                PathPatternRequestMatcher.pathPattern("/web/**"));
        return http
                .csrf(csrf -> csrf.spa())
                .formLogin(login -> login.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(problems, json)
                        // explicit: a single default handler would also answer the pages with JSON
                        .accessDeniedHandler(new RequestMatcherDelegatingAccessDeniedHandler(
                                new LinkedHashMap<>(Map.of(json, problems)), new AccessDeniedHandlerImpl())))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/login.html", "/web/csrf", "/css/**", "/js/i18n.js", "/js/login.js",
                                "/webjars/**", "/favicon.svg", "/error", "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/audit.html", "/js/audit.js", "/js/completeness.js", "/js/deadletters.js")
                        .hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name())
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .build();
    }
}
