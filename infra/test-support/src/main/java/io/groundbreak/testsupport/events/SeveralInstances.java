package io.groundbreak.testsupport.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a service's several-instances test does with its consumer group, the same in every service (issue 17): a
 * member with the service's own consumer settings joins beside the service's instance, then vanishes as after
 * kill -9 or sees the service's instance stop, and the test measures how soon the partitions are held again.
 */
public final class SeveralInstances implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SeveralInstances.class);
    /** What issue 17 asks of a takeover after kill -9. */
    private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(10);
    /** Well within the 6 s session timeout: only a LeaveGroup frees the partitions this soon. */
    private static final Duration LEAVE_BOUND = Duration.ofSeconds(4);
    private static final Duration POLL = Duration.ofMillis(100);

    private final ConsumerGroup group;
    private final Set<Integer> allPartitions;
    private final Duration propagation;

    /** The service's group on a topic of this many partitions; propagation bounds every wait but the measured ones. */
    public SeveralInstances(String bootstrapServers, String topic, String group, int partitionCount, Duration propagation) {
        this.group = new ConsumerGroup(bootstrapServers, topic, group);
        this.allPartitions = IntStream.range(0, partitionCount).boxed().collect(Collectors.toUnmodifiableSet());
        this.propagation = propagation;
    }

    /** Waits until the group's members (the service's instance, after other tests' members left) hold every partition. */
    public void awaitEveryPartitionHeld() {
        await().atMost(propagation).until(() -> group.partitionsHeldBesides(null), equalTo(allPartitions));
    }

    /**
     * A member with these settings, joined once the group is stable, holding some partitions while every partition is
     * held (no rebalance under way).
     */
    public ConsumerGroup.Member joinSettled(Map<String, String> settings) {
        // a group that is rebalancing (another test's consumers leaving) names no assignor until it is stable again
        await().atMost(propagation).until(group::assignor, equalTo("cooperative-sticky"));
        ConsumerGroup.Member other = group.join(settings);
        await().atMost(propagation).until(() -> !other.partitions().isEmpty()
                && group.partitionsHeldBesides(null).equals(allPartitions));
        return other;
    }

    /** The member vanishes without leaving; the others hold all its partitions within 10 s. */
    public void vanishAndAwaitTakeover(ConsumerGroup.Member other) {
        Set<Integer> taken = other.partitions();
        long vanished = System.nanoTime();
        other.vanish();
        await().atMost(TAKEOVER_BOUND).pollInterval(POLL).until(() -> {
            Map<String, Set<Integer>> held = group.partitionsByMember();
            held.remove(other.memberId());
            return held.values().stream().flatMap(Set::stream).distinct().count() == allPartitions.size();
        });
        log.info("Partitions {} of a member that vanished were taken over after {} ms", taken,
                Duration.ofNanos(System.nanoTime() - vanished).toMillis());
    }

    /**
     * A member with these settings joins; the service's instance stops ({@code stop}) and the member holds every
     * partition within 4 s; then the instance starts again ({@code start}), the member leaves, and the instance
     * holds every partition again.
     */
    public void awaitStoppedInstanceLeavesAtOnce(Map<String, String> settings, Runnable stop, Runnable start) {
        ConsumerGroup.Member other = group.join(settings);
        try {
            await().atMost(propagation).until(() -> !other.partitions().isEmpty());
            long stopping = System.nanoTime();
            stop.run();
            await().atMost(LEAVE_BOUND).pollInterval(POLL).until(other::partitions, equalTo(allPartitions));
            log.info("A stopped instance's partitions were taken over after {} ms",
                    Duration.ofNanos(System.nanoTime() - stopping).toMillis());
        } finally {
            start.run();
            other.leave();
        }
        awaitEveryPartitionHeld();
    }

    /** A new project of this district whose records land on one of these partitions. */
    public ProjectStream projectOn(String district, Set<Integer> partitions) {
        while (true) {
            ProjectStream project = new ProjectStream(district);
            if (partitions.contains(ConsumerGroup.partitionOf(project.projectId.toString(), allPartitions.size()))) {
                return project;
            }
        }
    }

    /**
     * A binding's own consumer settings as the service reads them ({@code requiredProperty}: the environment's, which
     * fails on a missing one), so that the test's member behaves as an instance.
     */
    public static Map<String, String> bindingConsumerSettings(UnaryOperator<String> requiredProperty, String binding,
                                                              List<String> names) {
        Map<String, String> settings = new HashMap<>();
        for (String name : names) {
            settings.put(name, requiredProperty.apply(
                    "spring.cloud.stream.kafka.bindings." + binding + ".consumer.configuration." + name));
        }
        return settings;
    }

    /** Waits for the latch on a thread that has nothing to do until it opens. */
    public static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        group.close();
    }
}
