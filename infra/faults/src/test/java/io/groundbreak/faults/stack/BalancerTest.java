package io.groundbreak.faults.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BalancerTest {

    private static final List<String> KINDS = List.of("milestone-service", "funnel-service", "audit-service", "web");

    @Test
    void theSuiteFillsInEveryPlaceholderOfTheSharedTemplate() throws IOException {
        String template = Files.readString(Path.of("../cluster/haproxy.cfg.template"));
        int[] ports = IntStream.range(20_000, 20_013).toArray();
        Map<String, String> values = new HashMap<>();
        Stack.balancerPorts(KINDS, ports).forEach((name, port) -> values.put("@" + name + "@", port.toString()));
        values.put("@STATE@", "/run");
        values.put("@CLUSTER_DIR@", "/run");

        String config = Balancer.render(template, values);

        assertThat(config).contains("bind 127.0.0.1:20000", "server milestone-service-2 127.0.0.1:20002 check",
                "server web-1 127.0.0.1:20010 check", "bind 127.0.0.1:20012");
    }

    @Test
    void aPlaceholderTheSuiteDoesNotKnowFailsTheStartWithItsName() {
        assertThatThrownBy(() -> Balancer.render("bind 127.0.0.1:@ADMIN_PORT@", Map.of()))
                .hasMessageContaining("@ADMIN_PORT@");
    }

    @Test
    void portsAreNamedPerServiceFrontendFirstThenEachInstance() {
        Map<String, Integer> ports = Stack.balancerPorts(KINDS, IntStream.range(1, 14).toArray());

        assertThat(ports).containsEntry("MILESTONE_PORT", 1).containsEntry("MILESTONE_1_PORT", 2)
                .containsEntry("FUNNEL_PORT", 4).containsEntry("AUDIT_2_PORT", 9).containsEntry("WEB_PORT", 10)
                .containsEntry("STATS_PORT", 13).hasSize(13);
    }
}
