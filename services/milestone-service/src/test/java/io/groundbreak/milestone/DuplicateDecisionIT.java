package io.groundbreak.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.DuplicateDecided;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.ProjectId;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Duplicates across districts (issue 20): the city's coordination office decides whether two registered projects are
 * one investment, on the pair's own chained stream, published like a project's; a reversal is another decision; every
 * other caller and every wrong request is refused with nothing written.
 */
class DuplicateDecisionIT extends ServiceTestBase {

    @Test
    void theCityDecidesAPairAndReversesItOnOneChainedStream() {
        String binhai = registerProject("120116");
        String heping = registerProject("120101");
        String pairId = DuplicateDecided.pairOf(ProjectId.parse(binhai), ProjectId.parse(heping)).toString();
        // either order names the same pair
        HttpResponse<String> same = post("admin", path(heping, binhai),
                "{\"decision\":\"same\",\"primaryProjectId\":\"%s\",\"reason\":\" 同一投资方同一项目 \"}".formatted(binhai));
        assertThat(same.statusCode()).as(same.body()).isEqualTo(201);
        assertThat(json(same).get("pairId").asString()).isEqualTo(pairId);
        assertThat(json(same).get("sequence").asLong()).isZero();

        assertProblem(post("admin", path(binhai, heping),
                "{\"decision\":\"same\",\"primaryProjectId\":\"%s\",\"reason\":\"再次认定\"}".formatted(binhai)),
                409, "decision-unchanged");
        HttpResponse<String> reversed = post("admin", path(binhai, heping),
                "{\"decision\":\"different\",\"reason\":\"两期独立项目\"}");
        assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(201);
        assertThat(json(reversed).get("sequence").asLong()).isOne();

        List<ConsumerRecord<byte[], byte[]>> records = recordsOf(pairId, 2);
        List<EventEnvelope> events = records.stream().map(ServiceTestBase::envelope).toList();
        DuplicateDecided decided = (DuplicateDecided) events.get(0).data();
        assertThat(decided.duplicate()).contains(ProjectId.parse(heping));
        assertThat(decided.reason()).isEqualTo("同一投资方同一项目");
        assertThat(events.get(0).district()).isEqualTo(EventEnvelope.CITY);
        assertThat(events.get(0).recordedBy()).isEqualTo("admin");
        assertThat(header(records.get(0), CloudEventHeaders.SOURCE)).isEqualTo("/city");
        assertThat(((DuplicateDecided) events.get(1).data()).duplicate()).isEmpty();
        assertThat(events.get(1).prevHash()).isEqualTo(events.get(0).hash());
        assertThat(events).allSatisfy(event -> assertThat(event.hashIsIntact()).isTrue());
    }

    @Test
    void onlyTheCityDecidesAndEveryWrongRequestIsRefusedWithNothingWritten() {
        String binhai = registerProject("120116");
        String heping = registerProject("120101");
        String valid = "{\"decision\":\"same\",\"primaryProjectId\":\"%s\",\"reason\":\"同一项目\"}".formatted(binhai);
        long before = eventCount();

        assertProblem(post("d120116", path(binhai, heping), valid), 403, "forbidden");
        assertProblem(post("leader", path(binhai, heping), valid), 403, "forbidden");
        assertProblem(post("auditor", path(binhai, heping), valid), 403, "forbidden");
        assertThat(post(null, path(binhai, heping), valid).statusCode()).isEqualTo(401);

        String nobody = UUID.randomUUID().toString();
        assertProblem(post("admin", path(binhai, nobody), valid), 404, "unknown-project");
        assertProblem(post("admin", path(binhai, "not-a-project"), valid), 404, "unknown-project");
        HttpResponse<String> itself = post("admin", path(binhai, binhai), valid, Map.of("Accept-Language", "en"));
        assertProblem(itself, 400, "invalid-request");
        assertThat(fields(json(itself))).containsExactly("id");
        assertProblem(post("admin", "/api/duplicates/" + binhai + "/decision", valid), 400, "invalid-request");
        HttpResponse<String> stranger = post("admin", path(binhai, heping),
                "{\"decision\":\"same\",\"primaryProjectId\":\"%s\",\"reason\":\"r\"}".formatted(nobody));
        assertThat(fields(json(stranger))).containsExactly("primaryProjectId");
        assertThat(fields(json(post("admin", path(binhai, heping), "{\"decision\":\"same\",\"reason\":\"r\"}"))))
                .containsExactly("primaryProjectId");
        assertThat(fields(json(post("admin", path(binhai, heping),
                "{\"decision\":\"different\",\"primaryProjectId\":\"%s\",\"reason\":\"r\"}".formatted(binhai)))))
                .containsExactly("primaryProjectId");
        assertThat(fields(json(post("admin", path(binhai, heping), "{\"decision\":\"maybe\",\"reason\":\" \"}"))))
                .containsExactlyInAnyOrder("decision", "reason");
        assertProblem(post("admin", path(binhai, heping), "{\"decision\":[]}"), 400, "malformed-request");
        assertThat(eventCount()).isEqualTo(before);
    }

    private static String path(String one, String other) {
        return "/api/duplicates/" + one + "~" + other + "/decision";
    }
}
