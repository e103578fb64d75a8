package io.groundbreak.faults.scenario;

import io.groundbreak.faults.watch.Refusals;
import io.groundbreak.faults.watch.Stall;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What a cluster scenario measured beyond the counts: how long writes were kept waiting, how long each reader
 * stood still, and the scenario's own times.
 *
 * @param longestRefusedWrite the write refused for longest (empty: every write was taken at its first attempt)
 * @param longestSilence      the longest time in which no write at all was taken
 * @param funnelStall         funnel-service's group: the longest time a partition with records waiting was not read
 * @param auditStall          audit-service's group, the same
 * @param publisherStall      the publisher: the longest time stored events waited and its position did not move
 * @param measured            the scenario's own times (publisher handover, replicas back in sync)
 */
public record ClusterFigures(Optional<Refusals.RefusedWrite> longestRefusedWrite, Duration longestSilence,
                             Optional<Stall> funnelStall, Optional<Stall> auditStall, Optional<Stall> publisherStall,
                             Map<String, Duration> measured) {

    public static final String PUBLISHER_HANDOVER = "publisher handover";
    public static final String REPLICAS_BACK = "replicas in sync again";
}
