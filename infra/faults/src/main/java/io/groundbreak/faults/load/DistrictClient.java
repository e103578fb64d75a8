package io.groundbreak.faults.load;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * One district office at work until {@code stopAt}: registers a project (with a projectId of its own choosing),
 * records its five stages in order, then the next project. A request left unanswered after its retries leaves
 * the project alone (its state is unknown); a refusal is kept in the attempt log and the project abandoned.
 * {@code stopAt} is asked again before each request: the load may be extended while it runs.
 */
final class DistrictClient implements Runnable {

    private static final String[] STAGES = {"TALKS", "SIGNED", "LANDED", "STARTED", "PRODUCING"};
    /** Stage dates of every project: in the past, in order. */
    private static final String[] DATES = {"2024-01-02", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-02"};
    /** Between two requests of one client: about five requests a second each, a steady load for 2 cores. */
    private static final Duration PACE = Duration.ofMillis(200);
    static final Duration GIVE_UP_AFTER_STOP = Duration.ofMinutes(5);

    private final String scenario;
    private final String district;
    private final String chain;
    private final Supplier<Instant> stopAt;
    private final MilestoneClient client;
    private final Consumer<Acknowledged> acknowledged;

    DistrictClient(String scenario, String district, String chain, Supplier<Instant> stopAt, URI milestoneService,
                   List<Attempt> attempts, Consumer<Acknowledged> acknowledged) {
        this.scenario = scenario;
        this.district = district;
        this.chain = chain;
        this.stopAt = stopAt;
        this.client = new MilestoneClient(milestoneService, "d" + district, attempts);
        this.acknowledged = acknowledged;
    }

    @Override
    public void run() {
        for (int number = 1; Instant.now().isBefore(stopAt.get()) && !Thread.currentThread().isInterrupted(); number++) {
            Instant giveUpAt = stopAt.get().plus(GIVE_UP_AFTER_STOP);
            UUID projectId = UUID.randomUUID();
            BigDecimal planned = BigDecimal.valueOf(ThreadLocalRandom.current().nextLong(100_000, 5_000_000), 0)
                    .multiply(BigDecimal.valueOf(1000)).setScale(2);
            String registration = """
                    {"projectId":"%s","code":"FAULT-%s-%s","name":"故障演练项目 %s %d","district":"%s","chain":"%s",
                     "investor":"演练投资集团","plannedInvestmentCny":"%s"}"""
                    .formatted(projectId, district, projectId.toString().substring(0, 13), scenario, number, district,
                            chain, planned.toPlainString());
            if (!record("/api/projects", registration, projectId, 0, Acknowledged.REGISTRATION, planned, giveUpAt)) {
                continue;
            }
            for (int stage = 0; stage < STAGES.length && Instant.now().isBefore(stopAt.get()); stage++) {
                pace();
                String milestone = """
                        {"stage":"%s","effectiveDate":"%s"}""".formatted(STAGES[stage], DATES[stage]);
                if (!record("/api/projects/" + projectId + "/milestones", milestone, projectId, stage + 1, stage,
                        planned, giveUpAt)) {
                    break;
                }
            }
            pace();
        }
    }

    /** Posts one action; true when it was acknowledged (201, first time or replayed). */
    private boolean record(String path, String json, UUID projectId, int step, int stage, BigDecimal planned,
                           Instant giveUpAt) {
        String key = "faults/" + projectId + "/" + step;
        Optional<MilestoneClient.Answer> answer = client.post(path, json, key, giveUpAt);
        if (answer.isEmpty() || !answer.get().created()) {
            return false;
        }
        JsonNode body = answer.get().body();
        acknowledged.accept(new Acknowledged(scenario, projectId, UUID.fromString(body.get("eventId").asString()),
                body.get("sequence").asLong(), district, chain, stage, planned, Instant.now()));
        return true;
    }

    private static void pace() {
        try {
            Thread.sleep(PACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
