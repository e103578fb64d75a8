package io.groundbreak.milestone.config;

import io.groundbreak.kit.security.ProblemSecurityHandlers;
import io.groundbreak.kit.security.Role;
import io.groundbreak.kit.security.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * District offices (and admins) write; a district's reviewer only approves or rejects its change requests (also in a
 * batch); the city (ADMIN) alone sets targets and decides duplicates; nobody else writes. Auditors and admins read the
 * heads. The API description is public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        return ServiceSecurity.chain(http, problems, requests -> requests
                .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/api/supervision/targets", "/api/duplicates/*/decision")
                .hasRole(Role.ADMIN.name())
                // four eyes: a DISTRICT user reaches the decisions too, to be told why not (403 not-a-reviewer); a
                // batch's actions are each judged by these rules again, as the single endpoint's (BatchController)
                .requestMatchers(HttpMethod.POST, "/api/projects/*/requests/*/approval", "/api/projects/*/requests/*/rejection",
                        "/api/batch")
                .hasAnyRole(Role.REVIEWER.name(), Role.DISTRICT.name(), Role.ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/api/projects", "/api/projects/**")
                .hasAnyRole(Role.DISTRICT.name(), Role.ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/api/admin/heads")
                .hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name())
                .requestMatchers("/api/admin/**").denyAll());
    }
}
