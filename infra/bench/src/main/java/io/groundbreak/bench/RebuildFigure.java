package io.groundbreak.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A full blue/green rebuild of funnel-service's read models ({@code POST /api/admin/rebuild} as admin):
 * records read from the start of the topic per second, from the rebuild's own start and finish times
 * (emptying the inactive schema and the switch included).
 */
final class RebuildFigure {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GroundbreakSystem system;

    RebuildFigure(GroundbreakSystem system) {
        this.system = system;
    }

    Figure measure(Figure rawConsume) {
        system.awaitSettled(Duration.ofMinutes(10));
        JsonNode previous = status().path("last");
        long[] cpuBefore = system.cpuNanos();
        BenchHttp.Answer started = system.http.post(system.funnelUrl("/api/admin/rebuild"), "admin", "");
        if (started.status() != 202) {
            throw new IllegalStateException("POST /api/admin/rebuild answered " + started.status() + " " + started.body());
        }
        JsonNode[] last = new JsonNode[1];
        Awaitility.await("the rebuild to finish").atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    JsonNode status = status();
                    last[0] = status.path("last");
                    return !status.path("running").asBoolean() && last[0].isObject()
                            && !Objects.equals(last[0], previous);
                });
        JsonNode report = last[0];
        long[] cpuAfter = system.cpuNanos();
        if (!report.path("failure").isNull() && !report.path("failure").isMissingNode()) {
            throw new IllegalStateException("the rebuild failed: " + report);
        }
        long records = report.path("recordsRead").asLong();
        double seconds = Duration.between(Instant.parse(report.path("startedAt").asString()),
                Instant.parse(report.path("finishedAt").asString())).toNanos() / 1e9;
        return Figure.againstRawLimit("rebuild", "Full projection rebuild (funnel-service, blue/green)",
                records / seconds, "events/s", null, rawConsume, 0.50, Map.of(
                        "recordsRead", records, "applied", report.path("applied").asLong(), "seconds", seconds,
                        "cpuMsPerEvent", GroundbreakSystem.cpuPerEvent(cpuBefore, cpuAfter, records)));
    }

    private JsonNode status() {
        BenchHttp.Answer answer = system.http.get(system.funnelUrl("/api/admin/rebuild"), "admin");
        if (answer.status() != 200) {
            throw new IllegalStateException("GET /api/admin/rebuild answered " + answer.status() + " " + answer.body());
        }
        return JSON.readTree(answer.body());
    }
}
