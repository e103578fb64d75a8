package io.groundbreak.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.testsupport.TestDatabase;
import io.groundbreak.testsupport.TestInfrastructure;
import io.groundbreak.testsupport.net.DatabaseProxy;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Writes while PostgreSQL is away or refuses writes: 503 problem+json with Retry-After within seconds
 * (never a 500, never a hang past a client's 30 s), nothing recorded; and 201 again once it is back,
 * without a restart. A context of its own, on a throwaway database reached through a relay the test can
 * switch off ({@link DatabaseProxy}); the machine's server itself is never stopped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // ServiceTestBase's timings repeated on purpose: a context of its own that differs only in its database
        "spring.kafka.producer.properties.request.timeout.ms=2000",
        "spring.kafka.producer.properties.delivery.timeout.ms=5000",
        "spring.kafka.producer.properties.max.block.ms=3000",
        "groundbreak.publisher.ack-timeout=PT8S"})
@ActiveProfiles("local")
@DirtiesContext // its own context, closed after the class: the shared one of ServiceTestBase is not disturbed
class DatabaseOutageIT {

    /** A client's patience: every answer must come well before it. */
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    private static TestDatabase database;
    private static DatabaseProxy proxy;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        database = TestInfrastructure.get().newDatabase("milestones_outage");
        proxy = DatabaseProxy.inFrontOf(database);
        registry.add("spring.datasource.url", () -> proxy.jdbcUrl(database.name()));
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure.get()::kafkaBootstrapServers);
    }

    @AfterEach
    void databaseBack() throws SQLException {
        proxy.accept();
        try (Connection connection = direct(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE \"" + database.name() + "\" RESET default_transaction_read_only");
            terminateServiceConnections(statement);
        }
    }

    @Test
    void aServerThatRefusesConnectionsIsAnswered503WithRetryAfterAndTheWriteGoesThroughOnceItIsBack() throws SQLException {
        String project = registered();
        long before = events();

        proxy.refuse();
        assertUnavailable(write(project, "SIGNED", "2024-02-01"));
        assertUnavailable(register());
        assertThat(events()).isEqualTo(before);

        proxy.accept();
        await().atMost(CLIENT_TIMEOUT).until(() -> write(project, "SIGNED", "2024-02-01").statusCode() == 201);
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    void aReadOnlyDatabaseIsAnswered503WithRetryAfterAndNothingIsRecorded() throws SQLException {
        String project = registered();
        long before = events();

        try (Connection connection = direct(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE \"" + database.name() + "\" SET default_transaction_read_only = on");
            terminateServiceConnections(statement); // pooled connections keep the setting they started with
        }
        for (int i = 0; i < 3; i++) { // the first borrows may meet connections terminated under the pool
            assertUnavailable(write(project, "SIGNED", "2024-02-01"));
            assertUnavailable(register());
        }
        assertThat(events()).isEqualTo(before);
        assertThat(codes(project)).isEqualTo(1);

        try (Connection connection = direct(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE \"" + database.name() + "\" RESET default_transaction_read_only");
            terminateServiceConnections(statement);
        }
        await().atMost(CLIENT_TIMEOUT).until(() -> write(project, "SIGNED", "2024-02-01").statusCode() == 201);
        assertThat(register().statusCode()).isEqualTo(201);
        assertThat(events()).isEqualTo(before + 2);
    }

    @Test
    void connectionsKilledUnderThePoolAsInARestartAreNever500() throws SQLException {
        String project = registered();
        try (Connection connection = direct(); Statement statement = connection.createStatement()) {
            terminateServiceConnections(statement);
        }
        HttpResponse<String> answer = write(project, "SIGNED", "2024-02-01");
        assertThat(answer.statusCode()).as(answer.body()).isIn(201, 503);
        await().atMost(CLIENT_TIMEOUT).until(() -> write(project, "LANDED", "2024-03-01").statusCode() == 201);
    }

    private void assertUnavailable(HttpResponse<String> answer) {
        ServiceTestBase.assertProblem(answer, 503, "database-unavailable");
        assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
    }

    /** A project registered while the database is fine (the pool may first meet connections killed before). */
    private String registered() {
        HttpResponse<String>[] answer = new HttpResponse[1];
        await().atMost(CLIENT_TIMEOUT).until(() -> (answer[0] = register()).statusCode() == 201);
        return ServiceTestBase.json(answer[0]).get("projectId").asString();
    }

    private HttpResponse<String> register() {
        return timed(() -> ServiceTestBase.send(port, "d120116", "/api/projects",
                ServiceTestBase.registration("120116", "TJ-OUT-" + UUID.randomUUID()),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())));
    }

    private HttpResponse<String> write(String project, String stage, String date) {
        return timed(() -> ServiceTestBase.send(port, "d120116", "/api/projects/" + project + "/milestones",
                "{\"stage\":\"" + stage + "\",\"effectiveDate\":\"" + date + "\"}", Map.of()));
    }

    /** Every answer within a client's patience, with room to spare. */
    private static HttpResponse<String> timed(java.util.function.Supplier<HttpResponse<String>> request) {
        long begin = System.nanoTime();
        HttpResponse<String> answer = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(CLIENT_TIMEOUT.dividedBy(2));
        assertThat(answer.statusCode()).as(answer.body()).satisfiesAnyOf(
                status -> assertThat(status).isLessThan(500), status -> assertThat(status).isEqualTo(503));
        return answer;
    }

    private static void terminateServiceConnections(Statement statement) throws SQLException {
        statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + database.name() + "' AND pid <> pg_backend_pid()");
    }

    private long events() throws SQLException {
        return count("SELECT count(*) FROM domain_event_entry");
    }

    private long codes(String project) throws SQLException {
        return count("SELECT count(*) FROM project_code WHERE project_id::text = '" + project + "'");
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = direct(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Straight to the server, past the relay. */
    private static Connection direct() throws SQLException {
        Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET default_transaction_read_only = off"); // the test's own session writes
        }
        return connection;
    }
}
