package io.groundbreak.faults.scenario;

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
}
