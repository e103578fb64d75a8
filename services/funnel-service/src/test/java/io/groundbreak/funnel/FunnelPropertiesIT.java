package io.groundbreak.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.Stage;
import io.groundbreak.funnel.model.FunnelModel;
import io.groundbreak.funnel.model.HistoryGenerator;
import io.groundbreak.reference.ReferenceData;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Random valid histories (skips, corrections, retractions, suspensions, terminations, backdated dates,
 * amendments, change requests approved or not, redeliveries) and random duplicate decisions on pairs of them (in any
 * order with their projects' events, some reversed) go through the real topic, consumer and database, and every endpoint is
 * compared, for several dates and filters, with {@link FunnelModel}. Seeded: the seed is logged, and
 * {@code -Dfunnel.seed=N} replays a run.
 *
 * <p>A property test with JUnit and a seeded {@link Random} rather than jqwik: see the README.
 */
class FunnelPropertiesIT extends FunnelServiceTestBase {

    private static final Logger log = LoggerFactory.getLogger(FunnelPropertiesIT.class);
    private static final int ROUNDS = 4;
    private static final int PROJECTS_PER_ROUND = 30;
    private static final List<LocalDate> DATES = List.of("2019-06-30", "2020-12-31", "2021-09-15", "2022-02-28",
            "2023-12-31", "2030-01-01").stream().map(LocalDate::parse).toList();
    private static final List<String> SORTS = List.of("code", "plannedInvestment", "stage", "stageSince");

    @Autowired
    ReferenceData referenceData;

    @Test
    void everyEndpointAgreesWithTheModelOfTheSemantics() {
        long seed = Long.getLong("funnel.seed", System.nanoTime());
        log.info("FunnelPropertiesIT seed {} (replay with -Dfunnel.seed={})", seed, seed);
        Random random = new Random(seed);
        List<String> districts = referenceData.districtCodes().stream()
                .filter(district -> !HAND_MADE_DISTRICTS.contains(district)).toList();
        HistoryGenerator histories = new HistoryGenerator(random, districts, referenceData.chainCodes());
        TargetPlans plans = new TargetPlans(random, districts, referenceData.chainCodes());
        DuplicateDecisions decisions = new DuplicateDecisions(random);
        for (int round = 0; round < ROUNDS; round++) {
            List<List<EventEnvelope>> projects = new ArrayList<>();
            for (int i = 0; i < PROJECTS_PER_ROUND; i++) {
                projects.add(histories.project());
            }
            // the pairs' decisions interleaved with their projects' events: before, between or after them
            List<List<EventEnvelope>> streams = new ArrayList<>(projects);
            streams.addAll(decisions.decide(projects.stream().map(events -> events.get(0).subject().value()).toList(), 6));
            publish(interleavedWithRedeliveries(streams, random).toArray(EventEnvelope[]::new));
            publish(plans.change(random.nextInt(2)));
            FunnelModel model = new FunnelModel(published());

            String everything = "/api/funnel?asOf=2030-01-01";
            await().atMost(PROPAGATION).untilAsserted(() -> assertThat(funnelLines(get(everything, "leader")))
                    .as("seed %d", seed).isEqualTo(model.funnel(LocalDate.parse("2030-01-01"), null, null)));
            compareEverything(model, random, seed, projects);
            compareRequests(model, seed);
        }
    }

    /** Every change request the model knows has the status it says, in the list of that status. */
    private void compareRequests(FunnelModel model, long seed) {
        Map<String, String> listed = new TreeMap<>();
        for (String status : List.of("pending", "approved", "rejected", "withdrawn")) {
            get("/api/requests?status=" + status, "leader").get("requests").forEach(request -> {
                String id = request.get("requestId").asString();
                if (model.requests().containsKey(UUID.fromString(id))) {
                    listed.put(id, request.get("status").asString());
                }
            });
        }
        Map<String, String> expected = new TreeMap<>();
        model.requests().forEach((id, status) -> expected.put(id.toString(), status));
        assertThat(listed).as("requests, seed %d", seed).isEqualTo(expected);
    }

    private void compareEverything(FunnelModel model, Random random, long seed, List<List<EventEnvelope>> round) {
        for (LocalDate asOf : DATES) {
            String district = round.get(random.nextInt(round.size())).get(0).district();
            String chain = referenceData.chainCodes().get(random.nextInt(referenceData.chainCodes().size()));
            for (String[] filter : List.of(new String[] {null, null}, new String[] {district, null},
                    new String[] {null, chain}, new String[] {district, chain})) {
                String query = "asOf=" + asOf + parameter("district", filter[0]) + parameter("chain", filter[1]);
                JsonNode funnel = get("/api/funnel?" + query, "leader");
                assertThat(funnelLines(funnel))
                        .as("funnel %s, seed %d", query, seed).isEqualTo(model.funnel(asOf, filter[0], filter[1]));
                compareFiguresWithTheirProjectLists(funnel, query, seed);
                assertThat(cycleTimes(get("/api/funnel/cycle-times?" + query, "leader")))
                        .as("cycle times %s, seed %d", query, seed).isEqualTo(model.cycleTimes(asOf, filter[0], filter[1]));
                comparePage(model, random, seed, asOf, filter);
            }
            assertThat(breakdown(get("/api/funnel/breakdown?by=district&asOf=" + asOf, "leader")))
                    .as("breakdown by district on %s, seed %d", asOf, seed)
                    .isEqualTo(expectedBreakdown(model, asOf, referenceData.districtCodes(), true, chain));
            assertThat(breakdown(get("/api/funnel/breakdown?by=chain&asOf=" + asOf + "&district=" + district, "leader")))
                    .as("breakdown by chain on %s in %s, seed %d", asOf, district, seed)
                    .isEqualTo(expectedBreakdown(model, asOf, referenceData.chainCodes(), false, district));
            compareSupervision(model, random, seed, asOf, district, chain);
        }
        YearMonth from = YearMonth.parse("2019-01");
        YearMonth to = YearMonth.parse("2025-06");
        assertThat(trend(get("/api/funnel/trend?from=" + from + "&to=" + to, "leader")))
                .as("trend, seed %d", seed).isEqualTo(model.trend(from, to, null, null));
        String district = round.get(random.nextInt(round.size())).get(0).district();
        assertThat(trend(get("/api/funnel/trend?from=" + from + "&to=" + to + "&district=" + district, "leader")))
                .as("trend in %s, seed %d", district, seed).isEqualTo(model.trend(from, to, district, null));
        List<UUID> ids = model.projectIds();
        for (int i = 0; i < 8; i++) {
            UUID id = ids.get(random.nextInt(ids.size()));
            LocalDate asOf = DATES.get(random.nextInt(DATES.size()));
            assertThat(project(get("/api/projects/" + id + "?asOf=" + asOf, "leader")))
                    .as("project %s on %s, seed %d", id, asOf, seed).isEqualTo(model.project(id, asOf));
        }
    }

    /** Lights city-wide and in a district (one light, some of the time), and the funnel by source (issue 19). */
    private void compareSupervision(FunnelModel model, Random random, long seed, LocalDate asOf, String district,
                                    String chain) {
        assertThat(lights(get("/api/supervision/lights?size=1000&asOf=" + asOf, "leader")))
                .as("lights on %s, seed %d", asOf, seed)
                .isEqualTo(model.lights(asOf, null, null, null, referenceData.districtCodes(), referenceData.chainCodes()));
        String light = List.of("green", "amber", "red").get(random.nextInt(3));
        String query = "asOf=" + asOf + "&district=" + district + (random.nextBoolean() ? "&chain=" + chain : "")
                + (random.nextBoolean() ? "&light=" + light : "");
        boolean byChain = query.contains("chain=");
        assertThat(lights(get("/api/supervision/lights?size=1000&" + query, "leader")))
                .as("lights %s, seed %d", query, seed)
                .isEqualTo(model.lights(asOf, district, byChain ? chain : null,
                        query.contains("light=") ? light.toUpperCase(java.util.Locale.ROOT) : null,
                        List.of(district), byChain ? List.of(chain) : referenceData.chainCodes()));
        for (int year : List.of(asOf.getYear(), asOf.getYear() - 1)) {
            assertThat(targets(get("/api/supervision/targets?year=" + year + "&asOf=" + asOf, "leader")))
                    .as("targets of %d on %s, seed %d", year, asOf, seed)
                    .isEqualTo(model.targets(year, asOf, null, null));
            String scoped = "year=" + year + "&asOf=" + asOf + "&district=" + district + (random.nextBoolean() ? "&chain=" + chain : "");
            assertThat(targets(get("/api/supervision/targets?" + scoped, "leader")))
                    .as("targets %s, seed %d", scoped, seed)
                    .isEqualTo(model.targets(year, asOf, district, scoped.contains("chain=") ? chain : null));
            JsonNode total = get("/api/supervision/targets?year=" + year + "&asOf=" + asOf, "leader").get("total").get("figures");
            String reported = "/api/projects?asOf=" + asOf + "&reported=" + year;
            assertThat(get(reported, "leader").get("totalItems").asLong()).as("%s, seed %d", reported, seed)
                    .isEqualTo(model.reportedIn(year, asOf));
            for (String stage : List.of("SIGNED", "LANDED", "STARTED", "PRODUCING")) {
                String listed = "/api/projects?asOf=" + asOf + "&reached=" + stage + ":" + year;
                assertThat(get(listed, "leader").get("totalItems").asLong()).as("%s, seed %d", listed, seed)
                        .isEqualTo(total.get(stage.toLowerCase(java.util.Locale.ROOT)).get("actual").asLong());
            }
        }
        List<String> expected = new ArrayList<>();
        List<String> sources = new ArrayList<>(referenceData.sourceCodes());
        sources.add(null);
        for (String source : sources) {
            model.sourceFunnel(asOf, source).forEach(line -> expected.add(source + " " + line));
        }
        assertThat(breakdown(get("/api/funnel/breakdown?by=source&asOf=" + asOf, "leader")))
                .as("breakdown by source on %s, seed %d", asOf, seed).isEqualTo(expected);
    }

    private static List<String> lights(JsonNode answer) {
        List<String> lines = new ArrayList<>();
        lines.add("total " + counts(answer.get("total")));
        answer.get("byDistrict").forEach(entry -> lines.add("district " + entry.get("code").asString() + " " + counts(entry)));
        answer.get("byChain").forEach(entry -> lines.add("chain " + entry.get("code").asString() + " " + counts(entry)));
        answer.get("items").forEach(item -> lines.add(item.get("projectId").asString() + " "
                + item.get("light").get("light").asString() + " " + item.get("light").get("detail").asString()));
        assertThat(answer.get("totalItems").asLong()).isEqualTo(answer.get("items").size());
        return lines;
    }

    /** The targets answer as FunnelModel.targets writes it: the total, then the cells by "district chain". */
    private static List<String> targets(JsonNode answer) {
        List<String> cells = new ArrayList<>();
        answer.get("cells").forEach(cell -> cells.add(cell.get("district").get("code").asString() + " "
                + cell.get("chain").get("code").asString() + " " + targetLine(cell.get("figures"))));
        cells.sort(null);
        List<String> lines = new ArrayList<>();
        lines.add("total " + targetLine(answer.get("total").get("figures")));
        lines.addAll(cells);
        return lines;
    }

    private static String targetLine(JsonNode figures) {
        StringBuilder line = new StringBuilder();
        for (String measure : List.of("signed", "landed", "started", "producing", "plannedInvestmentCny",
                "completedInvestmentCny")) {
            JsonNode figure = figures.get(measure);
            line.append(line.isEmpty() ? "" : " ").append(measure.replace("InvestmentCny", "")).append(' ')
                    .append(figure.hasNonNull("target") ? figure.get("target").asString() : "-").append('/')
                    .append(figure.get("actual").asString());
        }
        return line.toString();
    }

    private static String counts(JsonNode counts) {
        return counts.get("green").asLong() + "/" + counts.get("amber").asLong() + "/" + counts.get("red").asLong();
    }

    /** Every number of the funnel has its list of projects: as many as the number says. */
    private void compareFiguresWithTheirProjectLists(JsonNode funnel, String query, long seed) {
        for (JsonNode stage : funnel.get("stages")) {
            for (String figure : List.of("reached", "current", "lost")) {
                String listed = "/api/projects?" + query + "&stage=" + stage.get("stage").asString() + "&figure=" + figure;
                assertThat(get(listed, "leader").get("totalItems").asLong())
                        .as("%s, seed %d", listed, seed).isEqualTo(stage.get(figure).asLong());
            }
        }
    }

    private void comparePage(FunnelModel model, Random random, long seed, LocalDate asOf, String[] filter) {
        Stage stage = random.nextInt(3) == 0 ? Stage.values()[random.nextInt(Stage.values().length)] : null;
        Integer stalledDays = random.nextInt(3) == 0 ? random.nextInt(400) : null;
        String sort = SORTS.get(random.nextInt(SORTS.size()));
        boolean descending = random.nextBoolean();
        int page = random.nextInt(2);
        String duplicates = List.of("include", "exclude", "only").get(random.nextInt(3));
        String query = "asOf=" + asOf + parameter("district", filter[0]) + parameter("chain", filter[1])
                + (duplicates.equals("include") && random.nextBoolean() ? "" : "&duplicate=" + duplicates)
                + parameter("stage", stage == null ? null : stage.name())
                + parameter("stalledDays", stalledDays == null ? null : stalledDays.toString())
                + "&sort=" + sort + (descending ? ",desc" : ",asc") + "&page=" + page + "&size=7";
        assertThat(projects(get("/api/projects?" + query, "leader")))
                .as("projects %s, seed %d", query, seed)
                .isEqualTo(model.projects(asOf, filter[0], filter[1], stage, stalledDays, duplicates, sort, descending,
                        page, 7));
    }

    /** Each project's events stay in order; some are delivered twice, right away or later. */
    private static List<EventEnvelope> interleavedWithRedeliveries(List<List<EventEnvelope>> projects, Random random) {
        List<List<EventEnvelope>> pending = new ArrayList<>();
        projects.forEach(events -> pending.add(new ArrayList<>(events)));
        List<EventEnvelope> sent = new ArrayList<>();
        while (!pending.isEmpty()) {
            List<EventEnvelope> next = pending.get(random.nextInt(pending.size()));
            sent.add(next.remove(0));
            if (random.nextInt(15) == 0) {
                sent.add(sent.get(random.nextInt(sent.size())));
            }
            if (next.isEmpty()) {
                pending.remove(next);
            }
        }
        return sent;
    }

    private List<String> expectedBreakdown(FunnelModel model, LocalDate asOf, List<String> codes, boolean byDistrict,
                                           String other) {
        List<String> lines = new ArrayList<>();
        for (String code : codes) {
            // by district: the whole city's chains; by chain: within the district asked for
            model.funnel(asOf, byDistrict ? code : other, byDistrict ? null : code)
                    .forEach(line -> lines.add(code + " " + line));
        }
        return lines;
    }

    private static String parameter(String name, String value) {
        return value == null ? "" : "&" + name + "=" + value;
    }

    private static List<String> breakdown(JsonNode answer) {
        List<String> lines = new ArrayList<>();
        answer.get("funnels").forEach(entry -> funnelLines(entry).forEach(line -> lines.add(text(entry.get("code")) + " " + line)));
        return lines;
    }

    private static List<String> cycleTimes(JsonNode answer) {
        List<String> lines = new ArrayList<>();
        answer.get("cycleTimes").forEach(time -> lines.add(time.get("from").asString() + ">" + time.get("to").asString() + " "
                + time.get("count").asLong() + " " + days(time.get("medianDays")) + " " + days(time.get("p90Days"))));
        return lines;
    }

    private static List<String> trend(JsonNode answer) {
        List<String> lines = new ArrayList<>();
        answer.get("months").forEach(month -> month.get("stages").forEach(stage -> lines.add(
                month.get("month").asString() + " " + stage.get("stage").asString() + " " + stage.get("reached").asLong())));
        return lines;
    }

    private static List<String> projects(JsonNode answer) {
        List<String> lines = new ArrayList<>();
        lines.add("total " + answer.get("totalItems").asLong());
        answer.get("items").forEach(item -> lines.add(item.get("projectId").asString() + " " + code(item.get("stage"))
                + " " + text(item.get("stageSince")) + " " + item.get("status").asString() + " "
                + (item.get("duplicateOf").isNull() ? "null" : item.get("duplicateOf").get("projectId").asString())));
        return lines;
    }

    private static List<String> project(JsonNode answer) {
        JsonNode project = answer.get("project");
        List<String> lines = new ArrayList<>();
        lines.add(code(project.get("stage")) + " " + project.get("status").asString() + " " + text(answer.get("terminatedOn"))
                + " " + money(project.get("plannedInvestmentCny")) + " " + money(answer.get("completedInvestmentCny"))
                + " " + text(answer.get("completedInvestmentPeriod")) + " " + project.get("chain").get("code").asString());
        answer.get("stages").forEach(stage -> lines.add(stage.get("stage").get("code").asString() + " "
                + text(stage.get("effectiveDate")) + " " + money(stage.get("amountCny")) + " "
                + stage.get("reached").asBoolean() + " " + stage.get("skipped").asBoolean()));
        answer.get("suspensions").forEach(period -> lines.add("suspended " + text(period.get("suspendedOn")) + " "
                + text(period.get("resumedOn"))));
        return lines;
    }

    private static String days(JsonNode days) {
        return FunnelModel.days(days == null || days.isNull() ? null : days.asDouble());
    }

    private static String money(JsonNode amount) {
        return amount == null || amount.isNull() ? "null" : FunnelModel.money(new java.math.BigDecimal(amount.asString()));
    }

    private static String code(JsonNode label) {
        return label == null || label.isNull() ? "null" : label.get("code").asString();
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "null" : value.asString();
    }
}
