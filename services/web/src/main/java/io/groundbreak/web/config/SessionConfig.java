package io.groundbreak.web.config;

import io.groundbreak.web.session.DatabaseOutage;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sessions live in PostgreSQL (Spring Session JDBC, configured by Boot from {@code spring.session.*}
 * and {@code server.servlet.session.*}: the 8 h timeout and the SameSite=Lax cookie as before); a database
 * outage is a 503 before it could become a 500.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfig {

    @Bean
    FilterRegistrationBean<DatabaseOutage> databaseOutage(JsonMapper json) {
        FilterRegistrationBean<DatabaseOutage> registration = new FilterRegistrationBean<>(new DatabaseOutage(json));
        // outside Spring Session's filter, which reads the session before and saves it after the request
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }
}
