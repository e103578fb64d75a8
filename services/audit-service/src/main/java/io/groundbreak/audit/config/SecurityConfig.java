package io.groundbreak.audit.config;

import io.groundbreak.kit.security.ProblemSecurityHandlers;
import io.groundbreak.kit.security.Role;
import io.groundbreak.kit.security.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The ledger is for auditors (and admins) only. Dead letters: auditors and admins read them and the log of
 * operations on them; only admins reprocess or discard.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        return ServiceSecurity.chain(http, problems, requests -> requests
                .requestMatchers("/api/audit/**").hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/api/admin/dead-letters", "/api/admin/dead-letters/**")
                .hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name())
                .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name()));
    }
}
