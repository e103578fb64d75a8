package io.groundbreak.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.TargetCell;
import io.groundbreak.events.TargetsSet;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The plan's targets (issue 19): set by ADMIN as events on the year's plan stream, published for the consumers like a
 * project's events (key and subject the plan id, source /city, hash-chained); everyone else refused, every wrong cell
 * named, and nothing written for a refused request.
 */
class TargetsIT extends ServiceTestBase {

    private static final String PATH = "/api/supervision/targets";

    /** A year of its own per run: the plan stream of a year is shared by everything that sets that year. */
    private final int year = ThreadLocalRandom.current().nextInt(2000, 2101);

    @Test
    void theCitySetsAndChangesAYearsTargetsOnOneChainedStream() {
        String planId = TargetsSet.planOf(year).toString();
        long before = eventCount(planId);
        HttpResponse<String> first = post("admin", PATH, """
                {"year":%d,"reason":" 年度计划分解 ","targets":[
                  {"district":"120116","chain":"new-energy","signed":3,"landed":2,"started":2,"producing":1,
                   "plannedInvestmentCny":"12000000000","completedInvestmentCny":"3000000000.5"},
                  {"district":"120110","chain":"biomedicine","signed":1}]}""".formatted(year));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(json(first).get("planId").asString()).isEqualTo(planId);
        assertThat(json(first).get("cells").asInt()).isEqualTo(2);
        HttpResponse<String> second = post("admin", PATH, """
                {"year":%d,"reason":"年中调整","targets":[{"district":"120116","chain":"new-energy","signed":4}]}"""
                .formatted(year));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        assertThat(json(second).get("sequence").asLong()).isEqualTo(before + 1);

        List<ConsumerRecord<byte[], byte[]>> records = recordsOf(planId, (int) before + 2);
        List<EventEnvelope> events = records.stream().map(ServiceTestBase::envelope).toList();
        EventEnvelope set = events.get((int) before);
        assertThat(set.type()).isEqualTo("TargetsSet");
        assertThat(set.recordedBy()).isEqualTo("admin");
        assertThat(set.district()).isEqualTo(EventEnvelope.CITY);
        assertThat(header(records.get((int) before), CloudEventHeaders.SOURCE)).isEqualTo("/city");
        assertThat(((TargetsSet) set.data()).targets()).containsExactly(
                new TargetCell("120116", "new-energy", 3, 2, 2, 1, new BigDecimal("12000000000.00"),
                        new BigDecimal("3000000000.50")),
                new TargetCell("120110", "biomedicine", 1, null, null, null, null, null));
        assertThat(((TargetsSet) set.data()).reason()).isEqualTo("年度计划分解");
        EventEnvelope change = events.get((int) before + 1);
        assertThat(change.prevHash()).isEqualTo(set.hash());
        assertThat(events).allSatisfy(event -> assertThat(event.hashIsIntact()).isTrue());
    }

    @Test
    void onlyTheCitySetsTargetsAndEveryWrongCellIsNamedWithNothingWritten() {
        String valid = """
                {"year":%d,"reason":"r","targets":[{"district":"120116","chain":"new-energy","signed":1}]}"""
                .formatted(year);
        long before = eventCount();

        assertProblem(post("d120116", PATH, valid), 403, "forbidden");
        assertProblem(post("leader", PATH, valid), 403, "forbidden");
        assertThat(post(null, PATH, valid).statusCode()).isEqualTo(401);

        HttpResponse<String> wrong = post("admin", PATH, """
                {"year":%d,"reason":"r","targets":[
                  {"district":"999999","chain":"new-energy"},
                  {"district":"120116","chain":"steel","signed":-1},
                  {"district":"120116","chain":"new-energy","plannedInvestmentCny":"1.234"},
                  {"district":"120116","chain":"new-energy"}]}""".formatted(year), Map.of("Accept-Language", "en"));
        assertProblem(wrong, 400, "invalid-request");
        assertThat(fields(json(wrong))).contains("targets[1].signed", "targets[2].plannedInvestmentCny");

        HttpResponse<String> unknownCodes = post("admin", PATH, """
                {"year":%d,"reason":"r","targets":[
                  {"district":"999999","chain":"new-energy"},
                  {"district":"120116","chain":"steel"},
                  {"district":"120116","chain":"new-energy"},
                  {"district":"120116","chain":"new-energy"}]}""".formatted(year));
        assertProblem(unknownCodes, 400, "invalid-request");
        assertThat(fields(json(unknownCodes))).containsExactlyInAnyOrder("targets[0].district", "targets[1].chain",
                "targets[3].chain");

        assertProblem(post("admin", PATH, "{\"year\":1999,\"reason\":\"r\",\"targets\":[]}"), 400, "invalid-request");
        assertProblem(post("admin", PATH, "{\"year\":2025,\"reason\":\" \",\"targets\":[null]}"), 400, "invalid-request");
        assertProblem(post("admin", PATH, "{\"year\":\"next\",\"targets\":{}}"), 400, "malformed-request");
        assertThat(eventCount()).isEqualTo(before);
    }
}
