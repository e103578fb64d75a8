package io.groundbreak.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.ProjectDetailsAmended;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.Stage;
import io.groundbreak.testsupport.events.ProjectStream;
import io.groundbreak.testsupport.http.Http;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What PostgreSQL does to the consumer never parks a record (issue 16): text it cannot hold (U+0000) is stored
 * with U+0000 shown as U+2400; a database that refuses writes and drops every connection is waited out, and the
 * records are applied once it is back. The outage is made on this context's own throwaway database
 * ({@code ALTER DATABASE … SET default_transaction_read_only} and {@code pg_terminate_backend} of its sessions),
 * never on anything shared. District 120111 and 2020 dates are this class's.
 */
class StorageFaultsIT extends FunnelServiceTestBase {

    private static final String DISTRICT = "120111";

    @Autowired
    MeterRegistry meters;

    @Test
    void textWithNulIsShownWithTheSymbolForNullAndNothingIsParked() {
        ProjectStream project = new ProjectStream(DISTRICT);
        EventEnvelope registration = project.next(new ProjectRegistered(project.projectId, "GB-NUL-\u0000-1",
                "Plant\u0000A", DISTRICT, "aerospace", "Investor\u0000Ltd.", new BigDecimal("123.00"), "Park\u0000"));
        EventEnvelope amended = project.next(new ProjectDetailsAmended(project.projectId, "Plant\u0000B", null,
                null, null, "Park\u0000\u0000", "typo\u0000"));
        EventEnvelope talks = project.next(milestone(project.projectId, Stage.TALKS, "2020-01-10"));
        topic().send(registration, amended, talks);

        await().atMost(PROPAGATION).untilAsserted(() -> {
            Http.Answer answer = http().get("/api/projects/" + project.projectId + "?asOf=2020-12-31", "leader");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().get("project").get("stage").get("code").asString()).isEqualTo("TALKS");
        });
        JsonNode shown = get("/api/projects/" + project.projectId + "?asOf=2020-12-31", "leader");
        assertThat(shown.get("project").get("code").asString()).isEqualTo("GB-NUL-\u2400-1");
        assertThat(shown.get("project").get("name").asString()).isEqualTo("Plant\u2400B");
        assertThat(shown.get("investor").asString()).isEqualTo("Investor\u2400Ltd.");
        assertThat(shown.get("park").asString()).isEqualTo("Park\u2400\u2400");
        assertThat(deadLettersOf(project.projectId.value())).isEmpty();
        // the model sees the read model's text
        remember(project.forged(0, "-", new ProjectRegistered(project.projectId, "GB-NUL-\u2400-1", "Plant\u2400A", DISTRICT,
                        "aerospace", "Investor\u2400Ltd.", new BigDecimal("123.00"), "Park\u2400")),
                project.forged(1, "-", new ProjectDetailsAmended(project.projectId, "Plant\u2400B", null, null, null,
                        "Park\u2400\u2400", "typo")),
                talks);
    }

    /**
     * The database refuses writes and drops every session of the service while two projects' events arrive: the
     * consumer waits (counted in groundbreak.funnel.database.waits), nothing is applied and nothing is parked; once
     * the database takes writes again, every event is applied.
     */
    @Test
    void aReadOnlyDatabaseThatDropsItsConnectionsIsWaitedOutAndNothingIsParked() throws Exception {
        ProjectStream first = new ProjectStream(DISTRICT);
        ProjectStream second = new ProjectStream(DISTRICT);
        double waits = waits();
        try (Connection admin = ownSession()) {
            try {
                readOnly(admin, true);
                publish(first.next(registered(first.projectId, DISTRICT, "new-energy", "10.00")),
                        second.next(registered(second.projectId, DISTRICT, "new-energy", "20.00")),
                        first.next(milestone(first.projectId, Stage.SIGNED, "2020-02-01")),
                        second.next(milestone(second.projectId, Stage.LANDED, "2020-02-02")));

                await().atMost(PROPAGATION).until(() -> waits() - waits >= 3);
                await().atMost(PROPAGATION).untilAsserted(() -> {
                    assertThat(http().get("/api/projects/" + first.projectId, "leader").status()).isEqualTo(404);
                    assertThat(http().get("/api/projects/" + second.projectId, "leader").status()).isEqualTo(404);
                });
                assertThat(deadLettersOf(first.projectId.value())).isEmpty();
                // reads still answer while writes are refused; a write by an admin answers 503, not 500
                Http.Answer refused = post("/api/admin/dead-letters/projects/" + first.projectId + "/reprocess", "admin", null);
                assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(503);
                assertThat(refused.contentType()).startsWith("application/problem+json");
            } finally {
                readOnly(admin, false);
            }
        }
        await().atMost(PROPAGATION).untilAsserted(() -> {
            assertThat(stageOf(first)).isEqualTo("SIGNED");
            assertThat(stageOf(second)).isEqualTo("LANDED");
        });
        assertThat(deadLettersOf(first.projectId.value())).isEmpty();
        assertThat(deadLettersOf(second.projectId.value())).isEmpty();
    }

    /** Sets the database read-only for new sessions (or back) and ends every other session of it. */
    private static void readOnly(Connection admin, boolean on) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            String database = null;
            try (var result = statement.executeQuery("SELECT current_database()")) {
                result.next();
                database = result.getString(1);
            }
            statement.execute("ALTER DATABASE \"" + database.replace("\"", "\"\"") + "\" "
                    + (on ? "SET default_transaction_read_only = on" : "RESET default_transaction_read_only"));
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND pid <> pg_backend_pid()");
        }
    }

    private double waits() {
        var counter = meters.find("groundbreak.funnel.database.waits").counter();
        return counter == null ? 0 : counter.count();
    }

    private String stageOf(ProjectStream project) {
        Http.Answer answer = http().get("/api/projects/" + project.projectId + "?asOf=2020-12-31", "leader");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode stage = answer.body().get("project").get("stage");
        return stage.isNull() ? "null" : stage.get("code").asString();
    }

    private List<JsonNode> deadLettersOf(UUID projectId) {
        List<JsonNode> found = new ArrayList<>();
        get("/api/admin/dead-letters?status=all", "admin").get("deadLetters").forEach(deadLetter -> {
            if (projectId.toString().equals(deadLetter.get("projectId").asString())) {
                found.add(deadLetter);
            }
        });
        return found;
    }

}
