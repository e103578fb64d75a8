package io.groundbreak.audit.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.audit.funnel.replay.Funnel;
import io.groundbreak.audit.funnel.replay.FunnelScope;
import io.groundbreak.audit.funnel.replay.ProjectState;
import io.groundbreak.audit.reconciliation.check.Difference;
import io.groundbreak.audit.reconciliation.check.FunnelComparison;
import io.groundbreak.events.EventCodec;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.ProjectId;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * funnel-service's answer, as JSON, against the ledger's funnel: the same figures agree, and each damaged
 * figure is named with its funnel, stage, field and both values.
 */
class FunnelComparisonTest {

    private static final JsonMapper FUNNEL_SERVICE_JSON = JsonMapper.builder().addModule(EventCodec.module()).build();
    private static final LocalDate VALID_AT = LocalDate.parse("2024-06-30");
    private static final FunnelScope SCOPE = FunnelScope.district("120116");

    private final Funnel ledger = Funnel.of(VALID_AT, Instant.parse("2024-07-01T00:00:00Z"), List.of(
            project("120116", "1500000000.00", Stage.SIGNED), project("120116", "500000000.00", Stage.TALKS)), SCOPE);

    @Test
    void theSameFiguresAgree() {
        assertThat(FunnelComparison.compare(SCOPE, ledger, liveAnswer())).isEmpty();
    }

    @Test
    void amountsAgreeAsNumbersWhateverTheirScale() {
        ObjectNode live = liveAnswer();
        stage(live, Stage.SIGNED).put("reachedInvestmentCny", "1500000000.0");
        assertThat(FunnelComparison.compare(SCOPE, ledger, live)).isEmpty();
    }

    @Test
    void eachDamagedFigureIsNamed() {
        ObjectNode live = liveAnswer();
        stage(live, Stage.SIGNED).put("reached", 2);
        stage(live, Stage.TALKS).put("currentInvestmentCny", "0.00");
        ((ObjectNode) live.get("conversions").get(0)).put("rate", 1.0);
        ((ObjectNode) live.get("conversions").get(1)).put("rate", 0.5);

        assertThat(FunnelComparison.compare(SCOPE, ledger, live)).containsExactlyInAnyOrder(
                new Difference("district=120116", "SIGNED", "reached", "1", "2"),
                new Difference("district=120116", "TALKS", "currentInvestmentCny", "500000000.00", "0.00"),
                new Difference("district=120116", "TALKS->SIGNED", "rate", "0.5", "1.0"),
                new Difference("district=120116", "SIGNED->LANDED", "rate", "0.0", "0.5"));
    }

    @Test
    void aMissingStageOrFieldOrAnotherValidDateIsADifference() {
        ObjectNode live = liveAnswer();
        ((ArrayNode) live.get("stages")).remove(Stage.PRODUCING.ordinal());
        stage(live, Stage.LANDED).remove("lost");
        live.put("asOf", "2024-07-01");

        assertThat(FunnelComparison.compare(SCOPE, ledger, live)).contains(
                new Difference("district=120116", null, "asOf", "2024-06-30", "2024-07-01"),
                new Difference("district=120116", "LANDED", "lost", "0", null),
                new Difference("district=120116", "PRODUCING", "reached", "0", null));
    }

    /** What funnel-service answers for the same projects: its records written by a mapper like its own. */
    private ObjectNode liveAnswer() {
        ObjectNode answer = FUNNEL_SERVICE_JSON.valueToTree(ledger);
        answer.remove("knownAt");
        return answer;
    }

    private static ObjectNode stage(ObjectNode answer, Stage stage) {
        return (ObjectNode) answer.get("stages").get(stage.ordinal());
    }

    private static ProjectState project(String district, String planned, Stage upTo) {
        ProjectId id = ProjectId.random();
        ProjectState project = new ProjectState();
        project.apply(new ProjectRegistered(id, "C", "N", district, "new-energy", "I", new BigDecimal(planned), null));
        for (Stage stage : Stage.values()) {
            if (stage.compareTo(upTo) <= 0) {
                project.apply(new MilestoneRecorded(id, stage, LocalDate.parse("2024-06-01"), null, null));
            }
        }
        return project;
    }
}
