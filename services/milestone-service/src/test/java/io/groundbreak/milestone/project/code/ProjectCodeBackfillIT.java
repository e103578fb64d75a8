package io.groundbreak.milestone.project.code;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.testsupport.TestDatabase;
import io.groundbreak.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A database with projects from before project_code existed gets their codes when it is migrated. */
class ProjectCodeBackfillIT {

    @Test
    void projectsRegisteredBeforeTheCodeTableKeepTheirCodesAndTheEarliestWins() {
        TestDatabase database = TestInfrastructure.get().newDatabase("backfill");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password());
        migrate(dataSource, "1");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        registered(jdbc, 1, "aaaaaaaa-0000-0000-0000-000000000001", "TJ-OLD-1");
        registered(jdbc, 2, "aaaaaaaa-0000-0000-0000-000000000002", "TJ-OLD-2");
        registered(jdbc, 3, "aaaaaaaa-0000-0000-0000-000000000003", "TJ-OLD-1");

        migrate(dataSource, "latest");

        assertThat(jdbc.sql("SELECT code || '=' || project_id FROM project_code ORDER BY code").query(String.class).list())
                .isEqualTo(List.of("TJ-OLD-1=aaaaaaaa-0000-0000-0000-000000000001", "TJ-OLD-2=aaaaaaaa-0000-0000-0000-000000000002"));
    }

    private static void migrate(DriverManagerDataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target).load().migrate();
    }

    private static void registered(JdbcClient jdbc, long index, String projectId, String code) {
        String payload = "{\"projectId\":{\"value\":\"" + projectId + "\"},\"code\":\"" + code + "\",\"name\":\"旧项目\"}";
        jdbc.sql("""
                INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                    payload, payload_type, time_stamp)
                VALUES (?, ?, 0, 'Project', gen_random_uuid()::text, ?, 'io.groundbreak.events.ProjectRegistered', '2024-01-01T00:00:00Z')
                """).params(index, projectId, payload.getBytes(StandardCharsets.UTF_8)).update();
    }
}
