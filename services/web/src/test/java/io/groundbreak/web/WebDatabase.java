package io.groundbreak.web;

import io.groundbreak.testsupport.TestDatabase;
import io.groundbreak.testsupport.TestInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A throwaway PostgreSQL database for a web app under test (its sessions and import reports). */
public final class WebDatabase {

    private WebDatabase() {
    }

    /** Points the context at a new, empty database: Flyway creates the tables as in production. */
    public static TestDatabase register(DynamicPropertyRegistry registry, String prefix) {
        TestDatabase database = TestInfrastructure.get().newDatabase(prefix);
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        return database;
    }
}
