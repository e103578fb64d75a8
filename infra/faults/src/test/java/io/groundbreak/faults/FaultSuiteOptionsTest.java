package io.groundbreak.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultSuiteOptionsTest {

    @Test
    void quickShortensTheLoadAndOnlyNamesScenarios() {
        FaultSuite.Options options = FaultSuite.Options.parse(new String[] {"--quick", "--only", "redelivery", "funnel-freeze"});

        assertThat(options.loadDuration()).isEqualTo(FaultSuite.QUICK_LOAD);
        assertThat(options.only()).containsExactly("redelivery", "funnel-freeze");
    }

    @Test
    void withoutOptionsEveryScenarioRunsUnderTheFullLoad() {
        FaultSuite.Options options = FaultSuite.Options.parse(new String[0]);

        assertThat(options.loadDuration()).isEqualTo(FaultSuite.FULL_LOAD);
        assertThat(options.only()).isEmpty();
    }

    @Test
    void clusterRunsTheClusterScenariosAndWritesItsOwnReport() {
        FaultSuite.Options options = FaultSuite.Options.parse(new String[] {"--cluster", "--only", "instance-kill,rolling-restart"});

        assertThat(options.cluster()).isTrue();
        assertThat(options.only()).containsExactly("instance-kill", "rolling-restart");
        assertThat(options.reportName()).isEqualTo("CLUSTER-REPORT.md");
        assertThat(FaultSuite.Options.parse(new String[0]).reportName()).isEqualTo("REPORT.md");
    }

    @Test
    void aScenarioOfTheOtherStackIsAUsageError() {
        assertThatThrownBy(() -> FaultSuite.Options.parse(new String[] {"--cluster", "--only", "postgres-restart"}))
                .hasMessageContaining("no scenario postgres-restart in the cluster");
        assertThatThrownBy(() -> FaultSuite.Options.parse(new String[] {"--only", "instance-kill"}))
                .hasMessageContaining("no scenario instance-kill");
    }

    @Test
    void anUnknownScenarioOrOptionIsAUsageError() {
        assertThatThrownBy(() -> FaultSuite.Options.parse(new String[] {"--only", "meteor-strike"}))
                .hasMessageContaining("no scenario meteor-strike");
        assertThatThrownBy(() -> FaultSuite.Options.parse(new String[] {"--fast"})).hasMessageContaining("--fast");
    }
}
