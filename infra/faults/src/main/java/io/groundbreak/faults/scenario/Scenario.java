package io.groundbreak.faults.scenario;

import java.time.Duration;
import java.util.Optional;

/**
 * One fault, injected while the district clients write. {@link #inject} runs once the load is a third through;
 * it marks the outage ({@link FaultContext#outageBegins()}, {@link FaultContext#outageEnds()}) and returns once
 * the fault is healed and every service it touched answers again. {@link #verify} adds the scenario's own
 * checks after the views have converged (or the bound has passed).
 */
public interface Scenario {

    String name();

    /** The fault in a few words, for the report. */
    String fault();

    void inject(FaultContext context) throws Exception;

    default void verify(FaultContext context) throws Exception {
    }

    /**
     * In the cluster: how long a consumer group may leave a partition with records waiting unread, when the
     * scenario's fault is one the issue bounds (an instance dying or leaving); empty when it only reports it.
     */
    default Optional<Duration> takeoverBound() {
        return Optional.empty();
    }
}
