package io.groundbreak.audit.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.audit.AuditIT;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.Stage;
import io.groundbreak.testsupport.events.ProjectStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A database that refuses writes or does not answer at all never costs a record: before, the binder tried a
 * record three times and dropped it. Now the consumer tries it again, with a capped back-off, until the
 * database takes it; nothing is parked for it, and nothing is lost.
 */
class DatabaseOutageIT extends AuditIT {

    private static final String RETRIES = "/actuator/metrics/groundbreak.audit.intake.retries";

    @Test
    void aReadOnlyDatabaseMakesTheConsumerWaitNotDrop() throws SQLException {
        List<EventEnvelope> events = project("120106");
        double retriesBefore = retries();
        try {
            database("SET default_transaction_read_only = on");
            topic.send(events.toArray(EventEnvelope[]::new));
            await().atMost(PROPAGATION).until(() -> retries() >= retriesBefore + 2);
            assertThat(get("/api/audit/projects/" + events.get(0).subject() + "/history", "auditor").status())
                    .as("reads still work; nothing written").isEqualTo(404);
        } finally {
            database("RESET default_transaction_read_only");
        }
        awaitLedger(List.of(events));
        assertThat(deadLettersOf(events.get(0).subject())).as("nothing parked for it").isEmpty();
    }

    @Test
    void aDatabaseThatDoesNotAnswerMakesTheConsumerWaitNotDrop() throws SQLException {
        List<EventEnvelope> events = project("120107");
        double retriesBefore = retries();
        try {
            database("ALLOW_CONNECTIONS false");
            topic.send(events.toArray(EventEnvelope[]::new));
            await().atMost(PROPAGATION).until(() -> retries() >= retriesBefore + 2);
            TextAnswer read = get("/api/audit/projects/" + events.get(0).subject() + "/history", "auditor");
            assertThat(read.status()).as("a request meanwhile").isEqualTo(503);
            assertThat(read.retryAfter()).isNotBlank();
            assertThat(read.contentType()).startsWith("application/problem+json");
        } finally {
            database("ALLOW_CONNECTIONS true");
        }
        awaitLedger(List.of(events));
        assertThat(deadLettersOf(events.get(0).subject())).as("nothing parked for it").isEmpty();
    }

    /** ALTER DATABASE on the test database, then every session of it ends, so that the service reconnects under it. */
    private void database(String setting) throws SQLException {
        try (Connection admin = maintenance(); Statement statement = admin.createStatement();
             PreparedStatement terminate = admin.prepareStatement(
                     "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            statement.execute("ALTER DATABASE \"" + databaseName() + "\" " + setting);
            terminate.setString(1, databaseName());
            terminate.execute();
        }
    }

    private double retries() {
        TextAnswer answer = get(RETRIES, "admin");
        return answer.status() == 200 ? answer.json().get("measurements").get(0).get("value").asDouble() : 0;
    }

    private static List<EventEnvelope> project(String district) {
        ProjectStream stream = new ProjectStream(district);
        return List.of(
                stream.next(new ProjectRegistered(stream.projectId, "OUT-" + district, "Outage", district, "new-energy",
                        "Investor", new BigDecimal("100.00"), null)),
                stream.next(new MilestoneRecorded(stream.projectId, Stage.TALKS, LocalDate.parse("2024-01-10"), null, null)),
                stream.next(new MilestoneRecorded(stream.projectId, Stage.SIGNED, LocalDate.parse("2024-02-10"), null, null)));
    }
}
