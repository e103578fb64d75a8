package io.groundbreak.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

/**
 * The publisher on a backlog: with the broker stopped, whole projects are written through milestone-service's batch
 * endpoint, several batches at once (stored, not publishable: a backlog of tens of thousands of events in about a
 * minute, where one request per event wrote ~190 a second); the broker is started again and milestone-service's
 * publisher, running all along and warmed up by the earlier phases, catches up once its retry back-off has run out.
 * The rate is taken from the records themselves: their count over the span between the first and the last record's
 * timestamp (the producer stamps each when it is sent, and a batch's acknowledgements are awaited before the next
 * batch is read), so the back-off before the first send is not counted. Records stamped before the broker was back
 * are left out: the publisher handed them to the producer while the broker was down, and they reached Kafka only by
 * the producer's own retries; counted, they stretched the span by the whole back-off.
 * <p>
 * Beside the rate, what the catch-up cost: the publisher's threads' CPU per event, the whole machine's by part
 * ({@link CpuBudget}) and, with a flight recording, what the publisher's threads spent it on ({@link ThreadProfile#PUBLISHER}).
 */
final class PublisherBacklog {

    /** Projects per batch request: 600 actions, within the endpoint's 1,000. */
    private static final int PROJECTS_PER_BATCH = 100;
    /** Batches in flight: the service deals each to 4 lanes on one pool; while one answer travels, others keep them busy. */
    private static final int BATCHES_IN_PARALLEL = 3;

    private final GroundbreakSystem system;
    private final CpuBudget budget;
    private final Path profileDump;

    /**
     * @param budget      the machine's parts, milestone-service split by thread group
     * @param profileDump where milestone-service's flight recording is dumped for the publisher's profile; null when the
     *                    run records none
     */
    PublisherBacklog(GroundbreakSystem system, CpuBudget budget, Path profileDump) {
        this.system = system;
        this.budget = budget;
        this.profileDump = profileDump;
    }

    Figure measure(DistrictClients clients, int events, Figure rawProduce) throws Exception {
        system.awaitSettled(Duration.ofMinutes(10));
        Map<TopicPartition, Long> before = system.topicEndOffsets();
        long storedBefore = system.storedEvents();
        system.broker.stop();
        LoadResult written = clients.postInBatches(events, PROJECTS_PER_BATCH, BATCHES_IN_PARALLEL);
        long backlog = system.storedEvents() - storedBefore;
        long publishedBefore = before.values().stream().mapToLong(Long::longValue).sum();
        system.broker.start();
        long brokerBack = System.nanoTime();
        long brokerBackMillis = System.currentTimeMillis();
        // from here: the broker's own start is not the publisher's work
        long[] cpuBefore = system.cpuNanos();
        Map<String, Long> budgetBefore = budget.snapshot();
        Awaitility.await("the backlog on Kafka").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> system.publishedRecords() - publishedBefore >= backlog);
        double catchUpSeconds = (System.nanoTime() - brokerBack) / 1e9;
        Map<String, Long> budgetAfter = budget.snapshot();
        long[] cpuAfter = system.cpuNanos();
        List<Long> all = recordTimestamps(before);
        List<Long> timestamps = all.stream().filter(timestamp -> timestamp >= brokerBackMillis).toList();
        if (timestamps.size() < 2) {
            throw new IllegalStateException("only " + timestamps.size() + " record(s) sent after the broker was back");
        }
        long records = timestamps.size();
        long first = timestamps.get(0);
        double seconds = Math.max(1, timestamps.get(timestamps.size() - 1) - first) / 1000.0;
        double rate = (records - 1) / seconds;
        // how the records spread over the span, second by second: a stall or a slow start shows here
        long[] perSecond = new long[(int) (timestamps.get(timestamps.size() - 1) - first) / 1000 + 1];
        timestamps.forEach(timestamp -> perSecond[(int) (timestamp - first) / 1000]++);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("backlogEvents", backlog);
        details.put("backlogWrittenSeconds", written.seconds());
        details.put("backlogWrittenPerSecond", written.eventsPerSecond());
        details.put("recordsPublished", all.size());
        details.put("recordsCounted", records);
        details.put("recordsStampedWhileBrokerDown", all.size() - records);
        details.put("seconds", seconds);
        details.put("secondsFromBrokerBackToLastRecord", catchUpSeconds);
        details.put("writeErrors", written.errors());
        details.put("firstWriteError", String.valueOf(written.firstError()));
        details.put("recordsPerSecond", Arrays.toString(perSecond));
        details.put("cpuMsPerEvent", GroundbreakSystem.cpuPerEvent(cpuBefore, cpuAfter, backlog));
        // from the broker's start to the last acknowledgement: the back-off's idle wait is in the window, costing little
        details.put("publisherCpuMsPerEvent",
                CpuBudget.msPerEvent(budgetBefore, budgetAfter, GroundbreakSystem.MILESTONE + ".publisher", backlog));
        details.put("cpuBudgetMsPerEvent", CpuBudget.perEvent(budgetBefore, budgetAfter, backlog));
        if (profileDump != null) {
            // the span of the records' own timestamps: the publisher's work, not its back-off
            details.put("publisherThreadProfile", ThreadProfile.PUBLISHER.of(system.milestone.pid(), profileDump,
                    Instant.ofEpochMilli(first), Instant.ofEpochMilli(timestamps.get(timestamps.size() - 1))));
        }
        details.put("method", "backlog written through POST /api/batch (" + PROJECTS_PER_BATCH + " projects of 6 events "
                + "per batch, " + BATCHES_IN_PARALLEL + " in flight) while the broker was down; records' producer "
                + "timestamps, first to last, of those stamped after the broker was back; the publisher's retry back-off "
                + "before the first send not counted");
        return Figure.againstRawLimit("publisher", "Publisher: event store → acknowledged on Kafka, on a backlog",
                rate, "events/s", null, rawProduce, 0.25, details);
    }

    /** The timestamps of the records after {@code from}, read to the end, in order. */
    private List<Long> recordTimestamps(Map<TopicPartition, Long> from) {
        List<Long> timestamps = new ArrayList<>();
        system.readTopic(from, record -> timestamps.add(record.timestamp()));
        if (timestamps.size() < 2) {
            throw new IllegalStateException("the backlog left " + timestamps.size() + " record(s) on Kafka");
        }
        Collections.sort(timestamps);
        return timestamps;
    }
}
