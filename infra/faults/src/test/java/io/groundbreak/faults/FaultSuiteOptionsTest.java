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
    void anUnknownScenarioOrOptionIsAUsageError() {
        assertThatThrownBy(() -> FaultSuite.Options.parse(new String[] {"--only", "meteor-strike"}))
                .hasMessageContaining("no scenario meteor-strike");
        assertThatThrownBy(() -> FaultSuite.Options.parse(new String[] {"--fast"})).hasMessageContaining("--fast");
    }
}
