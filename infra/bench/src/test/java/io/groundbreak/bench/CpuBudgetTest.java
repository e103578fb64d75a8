package io.groundbreak.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuBudgetTest {

    @Test
    void everyPartPerEventWithTheJvmsThreadGroupsFoldedAndTheRestOfTheMachine() {
        Map<String, Long> before = Map.of("machine", 1_000L, "postgresql", 100L, "kafka-broker", 10L,
                "milestone-service.http", 200L, "milestone-service.publisher", 20L, "milestone-service.jit", 0L,
                "milestone-service.gc", 5L, "milestone-service.other", 5L, "milestone-service.threads gone", 0L);
        Map<String, Long> after = Map.of("machine", 2_000L, "postgresql", 300L, "kafka-broker", 60L,
                "milestone-service.http", 600L, "milestone-service.publisher", 70L, "milestone-service.jit", 50L,
                "milestone-service.gc", 15L, "milestone-service.other", 15L, "milestone-service.threads gone", 0L);

        Map<String, Object> budget = CpuBudget.perEvent(before, after, 100);

        // 1,000 ticks of 10 ms over 100 events: 100 ms each; the parts account for 200 + 50 + 520 ticks of them
        assertThat(budget).containsEntry("machine", 100.0).containsEntry("postgresql", 20.0)
                .containsEntry("kafka-broker", 5.0).containsEntry("rest", 23.0);
        assertThat((String) budget.get("milestone-service"))
                .startsWith("52.00 (").contains("http 40.00", "publisher 5.00", "jit 5.00", "gc 1.00", "other 1.00");
    }

    @Test
    void noEventsNoBudget() {
        assertThat(CpuBudget.perEvent(Map.of("machine", 0L), Map.of("machine", 10L), 0)).isEmpty();
    }

    @Test
    void threadsGroupedByTheNamesLinuxKeeps() {
        assertThat(CpuBudget.threadGroup("http-nio-8081-e")).isEqualTo("http");
        assertThat(CpuBudget.threadGroup("WorkPackage[kaf")).isEqualTo("publisher");
        assertThat(CpuBudget.threadGroup("kafka-producer-")).isEqualTo("publisher");
        assertThat(CpuBudget.threadGroup("C2 CompilerThre")).isEqualTo("jit");
        assertThat(CpuBudget.threadGroup("G1 Conc#0")).isEqualTo("gc");
        assertThat(CpuBudget.threadGroup("Catalina-utilit")).isEqualTo("other");
    }
}
