package io.groundbreak.web;

import io.groundbreak.testsupport.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The web app on its own, every service unreachable: one Spring context for the tests that need no service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groundbreak.web.services.milestone-service=http://127.0.0.1:1",
        "groundbreak.web.services.funnel-service=http://127.0.0.1:1",
        "groundbreak.web.services.audit-service=http://127.0.0.1:1"})
@ActiveProfiles("local")
public abstract class WebAppAlone {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        WebDatabase.register(registry, "web_app");
        TestInfrastructure.get().identityProvider().registerIssuer(registry);
    }
}
