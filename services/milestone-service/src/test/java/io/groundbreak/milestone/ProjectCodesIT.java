package io.groundbreak.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Project codes are unique across the city, decided by PostgreSQL in the registration's transaction. */
class ProjectCodesIT extends ServiceTestBase {

    @Test
    void concurrentRegistrationsOfOneCodeGiveOne201AndOnlyOneEvent() throws Exception {
        String code = "TJ-RACE-" + UUID.randomUUID();
        long before = eventCount();
        List<Supplier<HttpResponse<String>>> registrations = Stream.of("120101", "120102", "120103", "120104", "120105", "120106")
                .<Supplier<HttpResponse<String>>>map(district -> () -> post("d" + district, "/api/projects", registration(district, code)))
                .toList();

        List<HttpResponse<String>> responses = concurrently(registrations);

        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        responses.stream().filter(r -> r.statusCode() != 201).forEach(r -> assertProblem(r, 409, "duplicate-code"));
        assertThat(eventCount()).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM project_code WHERE code = ?").param(code).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void reRegisteringTheSameProjectIdIs409AndWritesNothing() {
        String projectId = UUID.randomUUID().toString();
        String body = registration("120101", "TJ-" + UUID.randomUUID()).replace("{", "{\"projectId\":\"" + projectId + "\",");
        assertThat(post("d120101", "/api/projects", body).statusCode()).isEqualTo(201);
        long before = eventCount();

        assertProblem(post("d120101", "/api/projects", body), 409, "duplicate-code");
        assertProblem(post("d120101", "/api/projects", body.replace("TJ-", "TJ-OTHER-")), 409, "project-exists");

        assertThat(eventCount()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM project_code WHERE project_id = ?").param(projectId)
                .query(Long.class).single()).isEqualTo(1);
    }
}
