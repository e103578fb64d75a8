package io.groundbreak.funnel.config;

import io.groundbreak.kit.security.ProblemSecurityHandlers;
import io.groundbreak.kit.security.Role;
import io.groundbreak.kit.security.ServiceSecurity;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every role reads the funnel, the projects, their lights, the duplicates and the change requests; which district a
 * district office or its reviewer (who reads exactly what the office reads) may see is decided per request by the
 * controllers. Auditors and admins read the heads and the dead letters;
 * only an admin rebuilds the read models and reprocesses or discards dead letters.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication // the rebuild command runs without a web server
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        return ServiceSecurity.chain(http, problems, requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/funnel", "/api/funnel/**", "/api/projects", "/api/projects/**",
                        "/api/supervision/**", "/api/duplicates", "/api/requests")
                .hasAnyRole(Role.LEADER.name(), Role.AUDITOR.name(), Role.ADMIN.name(), Role.DISTRICT.name(),
                        Role.REVIEWER.name())
                .requestMatchers(HttpMethod.GET, "/api/admin/heads", "/api/admin/dead-letters",
                        "/api/admin/dead-letters/operations")
                .hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name())
                .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name()));
    }
}
