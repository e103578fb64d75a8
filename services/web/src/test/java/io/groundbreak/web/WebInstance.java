package io.groundbreak.web;

import io.groundbreak.testsupport.TestDatabase;
import io.groundbreak.testsupport.TestInfrastructure;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One instance of the web app, a Spring Boot application of its own on a free port, pointed at a given
 * database: two of them on the same database are two instances behind a load balancer.
 */
public final class WebInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;

    private WebInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** Starts an instance (profile {@code local}) on {@code database}, each service at its URL. */
    public static WebInstance start(TestDatabase database, String milestone, String funnel, String audit) {
        return start(database, milestone, funnel, audit, "local");
    }

    /** Starts an instance with these profiles (none: as deployed), signing in at the test's Keycloak. */
    public static WebInstance start(TestDatabase database, String milestone, String funnel, String audit,
                                    String... profiles) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", 0);
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("groundbreak.web.services.milestone-service", milestone);
        properties.put("groundbreak.web.services.funnel-service", funnel);
        properties.put("groundbreak.web.services.audit-service", audit);
        properties.put("groundbreak.security.issuer", TestInfrastructure.get().identityProvider().issuer());
        // as command-line arguments: above application.yml (its server.port 8080 must never be bound here)
        String[] arguments = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        return new WebInstance(new SpringApplicationBuilder(WebApplication.class).profiles(profiles).run(arguments));
    }

    public int port() {
        return port;
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public boolean running() {
        return context.isActive();
    }

    /** Stops the instance as a shutdown would: its sessions and reports stay in the database. */
    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
    }
}
