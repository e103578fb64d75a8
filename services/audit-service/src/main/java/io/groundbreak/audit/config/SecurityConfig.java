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
 * operations on them; only admins reprocess or discard. The monthly close: district offices and admins close (the
 * controller keeps a district office to its own district), only admins reopen; every role reads a month (a district
 * office its own: DISTRICT and its REVIEWER, who reads what DISTRICT reads and closes nothing), the city's list of
 * closes is for leaders, auditors and admins.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        return ServiceSecurity.chain(http, problems, requests -> requests
                .requestMatchers("/api/audit/**").hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/api/admin/dead-letters", "/api/admin/dead-letters/**")
                .hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name())
                .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/api/periods/*/close").hasAnyRole(Role.DISTRICT.name(), Role.ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/api/periods/*/reopen").hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/api/periods/*/closes")
                .hasAnyRole(Role.LEADER.name(), Role.AUDITOR.name(), Role.ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/api/periods/*")
                .hasAnyRole(Role.DISTRICT.name(), Role.REVIEWER.name(), Role.LEADER.name(), Role.AUDITOR.name(),
                        Role.ADMIN.name()));
    }
}
