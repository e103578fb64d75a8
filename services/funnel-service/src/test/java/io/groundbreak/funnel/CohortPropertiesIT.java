package io.groundbreak.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.ProjectTerminated;
import io.groundbreak.events.Stage;
import io.groundbreak.funnel.model.FunnelModel;
import io.groundbreak.funnel.model.HistoryGenerator;
import io.groundbreak.reference.ReferenceData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The cohort table and its project lists against {@link FunnelModel}'s cohorts, which count docs/funnel.md
 * "Cohorts" project by project from the replayed events (not with the service's SQL): random valid histories
 * (skipped stages, corrections, retractions, suspensions, terminations, backdated dates, next stages on either side
 * of the windows' ends) go through the real topic and consumer; the table is compared by quarter and by month, on
 * several dates (a termination's day and a window's last day among them) and filters, and the list of a
 * random sample of cells, every outcome, holds exactly the model's projects. Seeded: {@code -Dcohorts.seed=N}
 * replays a run.
 */
class CohortPropertiesIT extends FunnelServiceTestBase {

    private static final Logger log = LoggerFactory.getLogger(CohortPropertiesIT.class);
    private static final int ROUNDS = 2;
    private static final int PROJECTS_PER_ROUND = 40;
    private static final List<LocalDate> DATES = List.of("2019-08-15", "2021-03-31", "2022-11-30", "2030-01-01").stream()
            .map(LocalDate::parse).toList();
    private static final List<String> OUTCOMES = List.of("within90", "within180", "within365", "reached", "waiting", "lost");

    @Autowired
    ReferenceData referenceData;

    @Test
    void theCohortTableAndItsListsAgreeWithTheModel() {
        long seed = Long.getLong("cohorts.seed", System.nanoTime());
        log.info("CohortPropertiesIT seed {} (replay with -Dcohorts.seed={})", seed, seed);
        Random random = new Random(seed);
        List<String> districts = referenceData.districtCodes().stream()
                .filter(district -> !HAND_MADE_DISTRICTS.contains(district)).toList();
        HistoryGenerator histories = new HistoryGenerator(random, districts, referenceData.chainCodes());
        for (int round = 0; round < ROUNDS; round++) {
            List<EventEnvelope> events = new ArrayList<>();
            List<String> roundDistricts = new ArrayList<>();
            for (int i = 0; i < PROJECTS_PER_ROUND; i++) {
                List<EventEnvelope> project = histories.project();
                events.addAll(project);
                roundDistricts.add(project.get(0).district());
            }
            publish(events.toArray(EventEnvelope[]::new));
            FunnelModel model = new FunnelModel(published());
            // every event of the round applied: each project's head is its last event
            Map<String, Long> lastSequences = new HashMap<>();
            events.forEach(event -> lastSequences.put(event.subject().value().toString(), event.sequence()));
            await().atMost(PROPAGATION).untilAsserted(() -> {
                Map<String, Long> heads = new HashMap<>();
                get("/api/admin/heads", "admin").get("projects").forEach(head ->
                        heads.put(head.get("projectId").asString(), head.get("sequence").asLong()));
                assertThat(heads).containsAllEntriesOf(lastSequences);
            });
            // the edges: each day a project of the round was terminated on (lost from that day on), the city's table
            events.stream().filter(event -> event.data() instanceof ProjectTerminated)
                    .map(event -> ((ProjectTerminated) event.data()).effectiveDate()).forEach(terminated -> {
                        String table = "/api/funnel/cohorts?by=quarter&from=2019-Q1&to=2024-Q4&asOf=" + terminated;
                        assertThat(cohortLines(get(table, "leader"), false)).as("%s, seed %d", table, seed)
                                .isEqualTo(model.cohorts(true, LocalDate.parse("2019-01-01"),
                                        LocalDate.parse("2024-10-01"), terminated, null, null));
                    });
            // and the day the 90-day windows of 2021-Q1 and of March 2021 close
            List<LocalDate> dates = new ArrayList<>(DATES);
            dates.add(LocalDate.parse("2021-06-29"));
            for (LocalDate asOf : dates) {
                String district = roundDistricts.get(random.nextInt(roundDistricts.size()));
                String chain = referenceData.chainCodes().get(random.nextInt(referenceData.chainCodes().size()));
                for (String[] filter : List.of(new String[] {null, null}, new String[] {district, null},
                        new String[] {null, chain})) {
                    String scope = parameter("district", filter[0]) + parameter("chain", filter[1]);
                    String quarters = "/api/funnel/cohorts?by=quarter&from=2019-Q1&to=2024-Q4&asOf=" + asOf + scope;
                    assertThat(cohortLines(get(quarters, "leader"), false)).as("%s, seed %d", quarters, seed)
                            .isEqualTo(model.cohorts(true, LocalDate.parse("2019-01-01"), LocalDate.parse("2024-10-01"),
                                    asOf, filter[0], filter[1]));
                    String months = "/api/funnel/cohorts?by=month&from=2019-01&to=2024-12&asOf=" + asOf + scope;
                    assertThat(cohortLines(get(months, "leader"), false)).as("%s, seed %d", months, seed)
                            .isEqualTo(model.cohorts(false, LocalDate.parse("2019-01-01"), LocalDate.parse("2024-12-01"),
                                    asOf, filter[0], filter[1]));
                }
                compareCellsWithTheirLists(model, random, seed, asOf, district);
            }
        }
    }

    /** Random cells, with and without a district, every outcome and the whole cohort: exactly the model's projects. */
    private void compareCellsWithTheirLists(FunnelModel model, Random random, long seed, LocalDate asOf, String district) {
        for (int i = 0; i < 3; i++) {
            Stage stage = Stage.values()[random.nextInt(Stage.PRODUCING.ordinal())];
            boolean quarter = random.nextBoolean();
            LocalDate start = LocalDate.of(2019 + random.nextInt(5), quarter ? 1 + 3 * random.nextInt(4) : 1 + random.nextInt(12), 1);
            LocalDate end = start.plusMonths(quarter ? 3 : 1).minusDays(1);
            String period = quarter ? start.getYear() + "-Q" + ((start.getMonthValue() + 2) / 3)
                    : start.toString().substring(0, 7);
            String inDistrict = i == 0 ? district : null;
            List<String> outcomes = new ArrayList<>(OUTCOMES);
            outcomes.add(null);
            for (String outcome : outcomes) {
                String listed = "/api/projects?asOf=" + asOf + parameter("district", inDistrict) + "&cohort=" + stage + ":"
                        + period + parameter("outcome", outcome) + "&size=200";
                JsonNode answer = get(listed, "leader");
                List<String> ids = new ArrayList<>();
                answer.get("items").forEach(item -> ids.add(item.get("projectId").asString()));
                assertThat(ids.stream().sorted().toList()).as("%s, seed %d", listed, seed)
                        .isEqualTo(model.cohortMembers(stage, start, end, outcome, asOf, inDistrict, null));
                assertThat(answer.get("totalItems").asLong()).as("%s, seed %d", listed, seed).isEqualTo(ids.size());
            }
        }
    }

    private static String parameter(String name, String value) {
        return value == null ? "" : "&" + name + "=" + value;
    }
}
