package io.groundbreak.milestone.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.milestone.ServiceTestBase;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.ScheduledTaskHolder;

class IdempotencyIT extends ServiceTestBase {

    @Autowired
    IdempotencyKeys keys;
    @Autowired
    ScheduledTaskHolder scheduled;

    @Test
    void theSameKeyAndBodyReturnTheFirstAnswerAndWriteNothing() {
        String path = "/api/projects/" + registerProject("120110") + "/investment-reports";
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        String body = "{\"period\":\"2024-05\",\"cumulativeCompletedCny\":\"100\"}";

        HttpResponse<String> first = post("d120110", path, body, key);
        long after = eventCount();
        HttpResponse<String> again = post("d120110", path, " {\"cumulativeCompletedCny\":\"100\", \"period\":\"2024-05\"}", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(json(again)).isEqualTo(json(first));
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(eventCount()).isEqualTo(after);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndWritesNothing() {
        String path = "/api/projects/" + registerProject("120110") + "/investment-reports";
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        assertThat(post("d120110", path, "{\"period\":\"2024-05\",\"cumulativeCompletedCny\":\"100\"}", key).statusCode())
                .isEqualTo(201);
        long after = eventCount();

        assertProblem(post("d120110", path, "{\"period\":\"2024-05\",\"cumulativeCompletedCny\":\"200\"}", key),
                422, "idempotency-key-reused");
        assertProblem(post("d120110", path.replace("investment-reports", "suspension"),
                "{\"effectiveDate\":\"2024-05-02\",\"reason\":\"暂停\"}", key), 422, "idempotency-key-reused");
        assertThat(eventCount()).isEqualTo(after);
    }

    @Test
    void concurrentRepeatsOfOneKeyRecordOneEventAndAllGetItsAnswer() {
        String projectId = registerProject("120111");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        String body = "{\"period\":\"2024-05\",\"cumulativeCompletedCny\":\"100\"}";
        Supplier<HttpResponse<String>> report = () -> post("d120111", "/api/projects/" + projectId + "/investment-reports", body, key);

        List<HttpResponse<String>> answers = concurrently(List.of(report, report, report, report));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201));
        assertThat(answers.stream().map(answer -> json(answer).get("eventId").asString()).distinct()).hasSize(1);
        assertThat(eventCount(projectId)).isEqualTo(2);
    }

    @Test
    void aKeyIsPerUserAndARefusalIsNotRemembered() {
        String projectId = registerProject("120111");
        Map<String, String> key = Map.of("Idempotency-Key", "shared-" + UUID.randomUUID());
        String path = "/api/projects/" + projectId + "/milestones";

        assertProblem(post("d120111", path, "{\"stage\":\"SIGNED\",\"effectiveDate\":\"" + tomorrow() + "\"}", key),
                422, "date-in-future");
        assertThat(post("d120111", path, "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-01-02\"}", key).statusCode())
                .isEqualTo(201);
        assertThat(post("admin", path, "{\"stage\":\"LANDED\",\"effectiveDate\":\"2024-01-03\"}", key).statusCode())
                .isEqualTo(201);
    }

    @Test
    void keysOlderThanTheRetentionAreDeletedAndYoungerOnesKept() {
        String old = "old-" + UUID.randomUUID();
        String young = "young-" + UUID.randomUUID();
        insertKey(old, Instant.now().minus(Duration.ofDays(7)).minus(Duration.ofMinutes(1)));
        insertKey(young, Instant.now().minus(Duration.ofDays(7)).plus(Duration.ofMinutes(5)));

        assertThat(keys.deleteExpired()).isPositive();

        assertThat(keys.find("cleanup", old)).isEmpty();
        assertThat(keys.find("cleanup", young)).isPresent();
        assertThat(scheduled.getScheduledTasks()).anySatisfy(task ->
                assertThat(task.toString()).contains("IdempotencyKeys.deleteExpired"));
    }

    private void insertKey(String key, Instant createdAt) {
        jdbc.sql("""
                INSERT INTO idempotency_key (user_name, idempotency_key, request_hash, response_status, response_body, created_at)
                VALUES ('cleanup', ?, ?, 201, '{}', ?)
                """).params(key, "0".repeat(64), Timestamp.from(createdAt)).update();
    }
}
