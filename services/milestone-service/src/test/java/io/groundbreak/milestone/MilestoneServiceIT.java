package io.groundbreak.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.milestone.envelope.Chains;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MilestoneServiceIT extends ServiceTestBase {

    @Autowired
    EventStore eventStore;

    @Test
    void registersAProjectAndItsMilestonesAndPublishesThemWithTheirEnvelope() throws Exception {
        String projectId = registerProject("120116");
        HttpResponse<String> signed = post("d120116", "/api/projects/" + projectId + "/milestones",
                "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-03-01\",\"amountCny\":\"1500000000\"}");
        assertThat(signed.statusCode()).isEqualTo(201);
        assertThat(json(signed).get("sequence").asLong()).isEqualTo(1);
        assertThat(json(signed).get("stage").asString()).isEqualTo("SIGNED");

        List<ConsumerRecord<byte[], byte[]>> records = recordsOf(projectId, 2);
        EventEnvelope registered = envelope(records.get(0));
        EventEnvelope milestone = envelope(records.get(1));
        assertThat(new String(records.get(1).key(), StandardCharsets.UTF_8)).isEqualTo(projectId);
        assertThat(header(records.get(1), "ce_specversion")).isEqualTo("1.0");
        assertThat(header(records.get(1), "ce_source")).isEqualTo("/districts/120116");
        assertThat(header(records.get(1), "content-type")).isEqualTo("application/json");
        assertThat(registered.type()).isEqualTo("ProjectRegistered");
        assertThat(milestone.data()).isInstanceOf(MilestoneRecorded.class);
        assertThat(((MilestoneRecorded) milestone.data()).amountCny()).hasToString("1500000000.00");
        assertThat(milestone.recordedBy()).isEqualTo("d120116");
        assertThat(milestone.prevHash()).isEqualTo(registered.hash());
        assertThat(registered.hashIsIntact()).isTrue();
        assertThat(milestone.hashIsIntact()).isTrue();
    }

    @Test
    void aDistrictOfficeDoesEveryActionAndEveryChainInTheEventStoreRecomputes() {
        String projectId = registerProject("120101");
        String path = "/api/projects/" + projectId;
        List<HttpResponse<String>> answers = List.of(
                post("d120101", path + "/milestones", "{\"stage\":\"TALKS\",\"effectiveDate\":\"2024-01-05\"}"),
                post("d120101", path + "/milestones", "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-02-05\",\"amountCny\":\"10\",\"note\":\"签约\"}"),
                post("d120101", path + "/milestones/SIGNED/correction", "{\"effectiveDate\":\"2024-02-06\",\"amountCny\":\"11.5\",\"reason\":\"日期有误\"}"),
                post("d120101", path + "/milestones", "{\"stage\":\"STARTED\",\"effectiveDate\":\"2024-03-05\"}"),
                approved(post("d120101", path + "/milestones/STARTED/retraction", "{\"reason\":\"误报\"}"), path),
                post("d120101", path + "/suspension", "{\"effectiveDate\":\"2024-04-01\",\"reason\":\"资金未到位\"}"),
                post("d120101", path + "/resumption", "{\"effectiveDate\":\"2024-05-01\",\"reason\":\"资金到位\"}"),
                post("d120101", path + "/investment-reports", "{\"period\":\"2024-05\",\"cumulativeCompletedCny\":\"320000000\"}"),
                post("d120101", path + "/amendment", "{\"investor\":\"某某集团有限公司\",\"reason\":\"更名\"}"),
                approved(post("d120101", path + "/termination", "{\"effectiveDate\":\"2024-06-01\",\"reason\":\"投资方退出\"}"), path));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201));
        assertThat(answers.stream().map(answer -> json(answer).get("sequence").asLong()))
                .containsExactly(1L, 2L, 3L, 4L, 7L, 8L, 9L, 10L, 11L, 14L);
        assertThat(eventStore.readEvents(projectId).asStream().map(m -> m.getPayload().getClass().getSimpleName()))
                .containsExactly("ProjectRegistered", "MilestoneRecorded", "MilestoneRecorded", "MilestoneCorrected",
                        "MilestoneRecorded", "ChangeRequested", "ChangeApproved", "MilestoneRetracted", "ProjectSuspended",
                        "ProjectResumed", "InvestmentReported", "ProjectDetailsAmended", "ChangeRequested", "ChangeApproved",
                        "ProjectTerminated");

        List<String> projects = jdbc.sql("SELECT DISTINCT aggregate_identifier FROM domain_event_entry")
                .query(String.class).list();
        assertThat(projects).contains(projectId);
        for (String project : projects) {
            Chains.assertIntact(eventStore.readEvents(project).asStream().toList());
        }
    }

    /** A retraction and a termination need a second person (four eyes): the district's reviewer approves the request. */
    private HttpResponse<String> approved(HttpResponse<String> requested, String path) {
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        return post("r120101", path + "/requests/" + json(requested).get("requestId").asString() + "/approval", "{}");
    }

    @Test
    void theEventStoreKeepsBytesInByteaAndItsGlobalIndexHasNoHoles() throws Exception {
        String projectId = registerProject("120102");
        post("d120102", "/api/projects/" + projectId + "/milestones", "{\"stage\":\"TALKS\",\"effectiveDate\":\"2024-01-05\"}");

        List<String> lobTypes = jdbc.sql("""
                SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns
                WHERE table_schema = 'public' AND column_name IN ('payload', 'meta_data', 'token', 'serialized_saga', 'diagnostics')
                """).query(String.class).list();
        assertThat(lobTypes).isNotEmpty().allMatch(column -> column.endsWith(":bytea"));
        assertThat(jdbc.sql("SELECT count(*) FROM pg_largeobject_metadata").query(Long.class).single()).isZero();
        List<Long> indexes = jdbc.sql("SELECT global_index FROM domain_event_entry ORDER BY global_index")
                .query(Long.class).list();
        for (int i = 1; i < indexes.size(); i++) {
            assertThat(indexes.get(i) - indexes.get(i - 1)).isEqualTo(1);
        }
    }
}
