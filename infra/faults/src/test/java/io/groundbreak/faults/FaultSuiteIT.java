package io.groundbreak.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.faults.scenario.Scenario;
import io.groundbreak.faults.scenario.ScenarioResult;
import io.groundbreak.faults.scenario.ScenarioRunner;
import io.groundbreak.faults.scenario.Scenarios;
import io.groundbreak.faults.stack.Stack;
import io.groundbreak.reference.ReferenceData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The suite's short subset in {@code mvn verify}: a fresh stack of its own (PostgreSQL, broker, the three services
 * from their jars) and three scenarios with the same code and checks as {@code infra/local.sh faults}, under the
 * quick load ({@value ScenarioRunner#LOAD_CLIENTS} district clients for 10 s): the consumers killed mid-consume,
 * foreign poison records on the topic, and a NUL character at milestone-service's door. Each must lose nothing,
 * count nothing twice and converge within the bound.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultSuiteIT {

    private Stack stack;
    private ScenarioRunner runner;

    @BeforeAll
    void startStack() {
        Path target = Path.of(System.getProperty("groundbreak.faults.directory", "target"));
        Path services = Path.of(System.getProperty("groundbreak.services.directory", target.resolve("services").toString()));
        stack = Stack.start(target.resolve("it-run"), services);
        ReferenceData referenceData = ReferenceData.loadDefault();
        runner = new ScenarioRunner(stack, FaultSuite.QUICK_LOAD, referenceData.districtCodes(), referenceData.chainCodes());
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void consumersKilledMidConsumeLoseNothingAndCountNothingTwice() throws Exception {
        assertPasses(run("consumers-kill"));
    }

    @Test
    void poisonRecordsOnTheTopicLoseNothingAndAreListedAsDeadLetters() throws Exception {
        assertPasses(run("poison-records"));
    }

    @Test
    void nulAtTheDoorIsRefusedWithItsFieldAndNothingIsStored() throws Exception {
        ScenarioResult result = run("nul-at-the-door");
        assertPasses(result);
        assertThat(result.check()).contains("name: 400 naming it", "investor: 400 naming it");
    }

    private ScenarioResult run(String name) throws Exception {
        Scenario scenario = Scenarios.all().stream().filter(candidate -> candidate.name().equals(name)).findFirst().orElseThrow();
        return runner.run(scenario);
    }

    private static void assertPasses(ScenarioResult result) {
        assertThat(result.acknowledged()).as("acknowledged writes").isPositive();
        assertThat(List.of(result.inEventStore(), result.inLedger(), result.inFunnel()))
                .as("acknowledged events in the event store, the ledger and the funnel").containsOnly(result.acknowledged());
        assertThat(result.doubleCounted()).as("projects counted twice").isZero();
        assertThat(result.secondsToConverge()).as("seconds to converge: " + result.problems()).isNotNull();
        assertThat(result.problems()).as(result.scenario()).isEmpty();
    }
}
