package io.groundbreak.bench;

import io.groundbreak.events.Stage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How long a leader waits to see a district's post: a district office of its own (one no load client
 * uses) records a milestone, and from its 201 a leader reads {@code GET /api/funnel?district=…} until
 * the funnel counts it. Each milestone moves one project one stage up, so the sum of {@code reached}
 * over the stages grows by exactly one. The time counts until the answer that shows it has arrived.
 */
final class FreshnessProbe {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PROJECT_ID = Pattern.compile("\"projectId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(60);
    /**
     * A resolution of 20 ms against a bound of 1 s. Polling every 5 ms was 200 funnel queries a second of
     * load besides the ingest being measured, on a 2-core machine.
     */
    private static final Duration POLL = Duration.ofMillis(20);

    private final GroundbreakSystem system;
    private final String district;
    private final String chain;
    private final String runId;
    /** Every probe milestone is dated a month back: the funnel of today (the default asOf) shows it. */
    private final LocalDate effectiveDate = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(30);

    FreshnessProbe(GroundbreakSystem system, String district, String chain, String runId) {
        this.system = system;
        this.district = district;
        this.chain = chain;
        this.runId = runId;
    }

    /**
     * Probes one after the other for {@code durationNanos}, and at least once (a registration alone outlasted the
     * smoke run's 6 s under a load of 60); the latencies from 201 to visible, and where each sample waited.
     */
    Result run(long durationNanos) {
        Latencies latencies = new Latencies();
        try (FreshnessStages stages = new FreshnessStages(system)) {
            return run(durationNanos, latencies, stages);
        }
    }

    private Result run(long durationNanos, Latencies latencies, FreshnessStages stages) {
        long end = System.nanoTime() + durationNanos;
        long reached = reachedTotal();
        int projects = 0;
        while (System.nanoTime() < end || latencies.count() == 0) {
            String projectId = register(projects++);
            for (Stage stage : Stage.values()) {
                if (System.nanoTime() >= end && latencies.count() > 0) {
                    break;
                }
                BenchHttp.Answer answer = system.http.post(system.milestoneUrl("/api/projects/" + projectId + "/milestones"),
                        "d" + district, String.format(Locale.ROOT, "{\"stage\":\"%s\",\"effectiveDate\":\"%s\"}",
                                stage.name(), effectiveDate));
                long answeredAt = System.nanoTime();
                Instant answeredInstant = Instant.now();
                if (answer.status() != 201) {
                    throw new IllegalStateException("probe milestone refused: " + answer.status() + " " + answer.body());
                }
                JsonNode recorded = JSON.readTree(answer.body());
                long queueAhead = stages.queueAhead(projectId);
                long expected = ++reached;
                AtomicLong seenAt = new AtomicLong();
                Awaitility.await("milestone visible in the funnel").atMost(VISIBLE_WITHIN)
                        .pollDelay(Duration.ZERO).pollInterval(POLL)
                        .until(() -> {
                            boolean visible = reachedTotal() >= expected;
                            if (visible) {
                                seenAt.set(System.nanoTime());
                            }
                            return visible;
                        });
                long total = seenAt.get() - answeredAt;
                latencies.add(total);
                stages.seen(UUID.fromString(recorded.path("eventId").asString()), projectId,
                        recorded.path("sequence").asLong(), queueAhead, answeredInstant,
                        answeredInstant.plusNanos(total), total);
            }
        }
        return new Result(latencies, stages.details());
    }

    record Result(Latencies latencies, Map<String, Object> stageDetails) {
    }

    private String register(int number) {
        BenchHttp.Answer answer = system.http.post(system.milestoneUrl("/api/projects"), "d" + district,
                String.format(Locale.ROOT, """
                        {"code":"F%s-%d","name":"时效探针 %d","district":"%s","chain":"%s","investor":"探针","plannedInvestmentCny":"1000000.00"}""",
                        runId, number, number, district, chain));
        Matcher matcher = PROJECT_ID.matcher(answer.body());
        if (answer.status() != 201 || !matcher.find()) {
            throw new IllegalStateException("probe registration refused: " + answer.status() + " " + answer.body());
        }
        return matcher.group(1);
    }

    private long reachedTotal() {
        BenchHttp.Answer answer = system.http.get(system.funnelUrl("/api/funnel?district=" + district), "leader");
        if (answer.status() != 200) {
            throw new IllegalStateException("GET /api/funnel answered " + answer.status() + " " + answer.body());
        }
        long total = 0;
        for (JsonNode stage : JSON.readTree(answer.body()).path("stages")) {
            total += stage.path("reached").asLong();
        }
        return total;
    }
}
