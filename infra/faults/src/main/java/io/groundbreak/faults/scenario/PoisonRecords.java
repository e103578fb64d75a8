package io.groundbreak.faults.scenario;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventCodec;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.ProjectId;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.Stage;
import io.groundbreak.faults.check.ServiceHttp;
import io.groundbreak.faults.check.StoreSnapshot;
import io.groundbreak.faults.load.Acknowledged;
import io.groundbreak.faults.stack.ServiceJvm;
import io.groundbreak.testsupport.events.EventsTopic;
import io.groundbreak.testsupport.events.ProjectStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A foreign producer writes straight to the topic, mid-load: a record that is not JSON, one whose JSON fails its
 * schema, one that breaks its project's hash link, one with U+0000 in a string (its hash valid), an existing
 * event's id again with another content, and a sequence from the future. No acknowledged event may be lost;
 * the poison must be listed by {@code GET /api/admin/dead-letters} of funnel-service and audit-service (where
 * those endpoints exist); the NUL record is not poison: it must be stored, not parked.
 */
final class PoisonRecords implements Scenario {

    /** Who must list a record as a dead letter; the NUL one must be applied by both instead. */
    private enum Expectation { PARKED_BY_BOTH, PARKED_BY_AUDIT, STORED_BY_BOTH }

    private record Poison(String label, UUID eventId, UUID projectId, long sequence, boolean malformed,
                          Expectation expectation) {
    }

    private static final Duration LISTING_WAIT = Duration.ofSeconds(60);

    private final List<Poison> sent = new ArrayList<>();
    private Instant injectedAt;

    @Override
    public String name() {
        return "poison-records";
    }

    @Override
    public String fault() {
        return "foreign records on the topic: not JSON, schema-invalid, broken hash link, NUL in a string, "
                + "an existing event id again, a sequence from the future";
    }

    @Override
    public void inject(FaultContext context) throws Exception {
        injectedAt = Instant.now();
        String district = context.foreignDistrict;
        try (EventsTopic topic = new EventsTopic(context.stack.bootstrapServers(), CloudEventHeaders.TOPIC)) {
            // 1. not JSON at all, under a plausible envelope
            ProjectStream notJsonStream = new ProjectStream(district);
            EventEnvelope notJson = notJsonStream.next(registration(notJsonStream.projectId, district, "非JSON"));
            topic.send(notJson.subject().toString(), CloudEventHeaders.of(notJson),
                    "this is not JSON {\u0001".getBytes(StandardCharsets.UTF_8));
            sent.add(new Poison("not JSON", notJson.id(), notJson.subject().value(), 0, true, Expectation.PARKED_BY_BOTH));

            // 2. JSON that fails its schema: an unknown stage, a date that is not one
            ProjectStream schemaStream = new ProjectStream(district);
            EventEnvelope schemaEnvelope = schemaStream.next(new MilestoneRecorded(schemaStream.projectId, Stage.TALKS,
                    LocalDate.of(2024, 1, 2), null, null));
            topic.send(schemaEnvelope.subject().toString(), CloudEventHeaders.of(schemaEnvelope),
                    ("{\"projectId\":\"" + schemaStream.projectId + "\",\"stage\":\"FLYING\",\"effectiveDate\":\"yesterday\"}")
                            .getBytes(StandardCharsets.UTF_8));
            sent.add(new Poison("schema-invalid", schemaEnvelope.id(), schemaStream.projectId.value(), 0, true,
                    Expectation.PARKED_BY_BOTH));

            // 3. a genuine registration, then an event whose prevHash is not its predecessor's hash
            ProjectStream linkStream = new ProjectStream(district);
            topic.send(linkStream.next(registration(linkStream.projectId, district, "断链项目")));
            EventEnvelope broken = linkStream.forged(1, "f".repeat(64),
                    new MilestoneRecorded(linkStream.projectId, Stage.TALKS, LocalDate.of(2024, 1, 2), null, null));
            topic.send(broken);
            sent.add(new Poison("broken hash link", broken.id(), linkStream.projectId.value(), 1, false,
                    Expectation.PARKED_BY_AUDIT));

            // 4. U+0000 in a string, sealed with a valid hash: stored (audit keeps the bytes, funnel shows ␀)
            ProjectStream nulStream = new ProjectStream(district);
            EventEnvelope nul = nulStream.next(registration(nulStream.projectId, district, "零字符\u0000项目"));
            topic.send(nul);
            sent.add(new Poison("NUL in a string", nul.id(), nulStream.projectId.value(), 0, false,
                    Expectation.STORED_BY_BOTH));

            // 5. an acknowledged event's id again, with another content (a stage it never recorded)
            Optional<Acknowledged> victim = settledMilestone(context);
            if (victim.isPresent()) {
                Acknowledged original = victim.get();
                EventEnvelope again = HashChain.seal(original.eventId(), original.sequence(), Instant.now(),
                        "d" + original.district(), "e".repeat(64), original.district(),
                        new MilestoneRecorded(new ProjectId(original.projectId()), Stage.PRODUCING,
                                LocalDate.of(2024, 6, 1), null, "同一事件编号，另一内容"));
                topic.send(again);
                sent.add(new Poison("existing event id again", original.eventId(), original.projectId(),
                        original.sequence(), false, Expectation.PARKED_BY_AUDIT));
            } else {
                context.problem("no acknowledged milestone was in every store yet to send again with another content");
            }

            // 6. a sequence from the future: sequence 7 of a project nobody registered
            ProjectStream futureStream = new ProjectStream(district);
            EventEnvelope future = futureStream.forged(7, "d".repeat(64),
                    new MilestoneRecorded(futureStream.projectId, Stage.SIGNED, LocalDate.of(2024, 2, 1), null, null));
            topic.send(future);
            sent.add(new Poison("sequence from the future", future.id(), futureStream.projectId.value(), 7, false,
                    Expectation.PARKED_BY_BOTH));
        }
        context.note(sent.size() + " foreign records written to the topic");
    }

    @Override
    public void verify(FaultContext context) throws Exception {
        Instant deadline = Instant.now().plus(LISTING_WAIT);
        Listing funnel;
        Listing audit;
        while (true) {
            funnel = listing(context.stack.funnel);
            audit = listing(context.stack.audit);
            boolean complete = (funnel.missing().isEmpty() || !funnel.available())
                    && (audit.missing().isEmpty() || !audit.available())
                    && nulStored(context).isEmpty();
            if (complete || Instant.now().isAfter(deadline)) {
                break;
            }
            FaultContext.pause(Duration.ofSeconds(2));
        }
        report(context, "funnel-service", funnel);
        report(context, "audit-service", audit);
        nulStored(context).forEach(context::problem);
        context.extra("dead letters: funnel " + funnel.summary() + "; audit " + audit.summary());
    }

    private void report(FaultContext context, String service, Listing listing) {
        if (!listing.available()) {
            context.note(service + ": GET /api/admin/dead-letters not available (" + listing.status() + "): n/a");
            return;
        }
        for (String missing : listing.missing()) {
            context.problem(service + " does not list as a dead letter: " + missing);
        }
        for (String wrong : listing.wronglyParked()) {
            context.problem(service + " parked what it must store: " + wrong);
        }
        listing.informational().forEach(note -> context.note(service + ": " + note));
    }

    /** One service's dead letters judged against what was sent. */
    private record Listing(boolean available, int status, int expected, List<String> missing, List<String> wronglyParked,
                           List<String> informational) {
        String summary() {
            return available ? (expected - missing.size()) + "/" + expected + " listed"
                    + (wronglyParked.isEmpty() ? "" : ", " + wronglyParked.size() + " wrongly parked") : "n/a";
        }
    }

    private Listing listing(ServiceJvm service) {
        ServiceHttp.Answer answer = ServiceHttp.get(service.url("/api/admin/dead-letters?status=all"), "admin");
        boolean audit = service.name().equals("audit-service");
        if (answer.status() != 200 || answer.body() == null || answer.body().get("deadLetters") == null) {
            return new Listing(false, answer.status(), 0, List.of(), List.of(), List.of());
        }
        List<JsonNode> items = new ArrayList<>();
        answer.body().get("deadLetters").forEach(items::add);
        Set<Integer> used = new HashSet<>();
        List<String> missing = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        List<String> informational = new ArrayList<>();
        int expected = 0;
        for (Poison poison : sent) {
            boolean mustList = poison.expectation() == Expectation.PARKED_BY_BOTH
                    || poison.expectation() == Expectation.PARKED_BY_AUDIT && audit;
            Optional<Integer> match = match(items, used, poison);
            match.ifPresent(used::add);
            if (poison.expectation() == Expectation.STORED_BY_BOTH) {
                if (match.isPresent() && isOutstanding(items.get(match.get()))) {
                    wrong.add(poison.label() + " (" + items.get(match.get()).path("reason").asString() + ")");
                }
                continue;
            }
            if (mustList) {
                expected++;
                if (match.isEmpty()) {
                    missing.add(poison.label() + " (event " + poison.eventId() + ")");
                }
            } else {
                informational.add(poison.label() + (match.isPresent()
                        ? " listed (" + items.get(match.get()).path("reason").asString() + ")" : " not listed (skipped or applied)"));
            }
        }
        return new Listing(true, 200, expected, missing, wrong, informational);
    }

    /** The dead letter of this record: by event id, else by project and sequence, else (malformed) a new malformed one. */
    private Optional<Integer> match(List<JsonNode> items, Set<Integer> used, Poison poison) {
        for (int i = 0; i < items.size(); i++) {
            if (!used.contains(i) && poison.eventId().toString().equals(items.get(i).path("eventId").asString(""))) {
                return Optional.of(i);
            }
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            boolean sameProject = poison.projectId().toString().equals(item.path("projectId").asString(""));
            boolean sameSequence = item.path("sequence").isNull() || item.path("sequence").isMissingNode()
                    || item.path("sequence").asLong() == poison.sequence();
            if (!used.contains(i) && sameProject && sameSequence) {
                return Optional.of(i);
            }
        }
        if (poison.malformed()) {
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                if (!used.contains(i) && "malformed".equals(item.path("reason").asString(""))
                        && firstFailure(item).map(at -> !at.isBefore(injectedAt.minusSeconds(5))).orElse(true)) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> firstFailure(JsonNode item) {
        try {
            return Optional.of(Instant.parse(item.path("firstFailureAt").asString("")));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isOutstanding(JsonNode item) {
        return "parked".equals(item.path("status").asString("parked"));
    }

    /** The NUL record must be in the ledger (by its id) and applied by the funnel. */
    private List<String> nulStored(FaultContext context) {
        List<String> problems = new ArrayList<>();
        try {
            StoreSnapshot stores = StoreSnapshot.read(context.stack);
            for (Poison poison : sent) {
                if (poison.expectation() != Expectation.STORED_BY_BOTH) {
                    continue;
                }
                if (!stores.ledger().containsKey(poison.eventId())) {
                    problems.add(poison.label() + ": not in audit-service's ledger");
                }
                if (stores.funnelApplied().getOrDefault(poison.projectId(), -1L) < poison.sequence()) {
                    problems.add(poison.label() + ": not applied by funnel-service");
                }
            }
        } catch (Exception e) {
            problems.add("could not read the stores: " + e);
        }
        return problems;
    }

    /** A milestone of this scenario's load already in the ledger and applied by the funnel. */
    private static Optional<Acknowledged> settledMilestone(FaultContext context) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            try {
                StoreSnapshot stores = StoreSnapshot.read(context.stack);
                for (Acknowledged ack : context.reference.of(context.scenario)) {
                    if (ack.stage() >= 0 && stores.ledger().containsKey(ack.eventId())
                            && stores.funnelApplied().getOrDefault(ack.projectId(), -1L) >= ack.sequence()) {
                        return Optional.of(ack);
                    }
                }
            } catch (Exception e) {
                // the stores are read again below
            }
            FaultContext.pause(Duration.ofSeconds(1));
        }
        return Optional.empty();
    }

    private static ProjectRegistered registration(ProjectId projectId, String district, String name) {
        return new ProjectRegistered(projectId, "FOREIGN-" + projectId.value().toString().substring(0, 8), name, district,
                "other", "外来生产者", new BigDecimal("100000000.00"), null);
    }
}
