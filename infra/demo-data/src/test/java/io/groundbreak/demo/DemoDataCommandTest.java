package io.groundbreak.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.demo.generate.DemoGenerator;
import io.groundbreak.demo.plan.DemoPlan;
import io.groundbreak.demo.plan.Money;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoDataCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aDryRunDescribesTheDemoInOneLineAndPostsNothing() throws Exception {
        DemoPlan plan = DemoGenerator.standard(java.time.LocalDate.now(DemoGenerator.CITY_ZONE));
        assertThat(run("--dry-run")).isZero();
        assertThat(out()).startsWith("demo data (not posted): " + plan.projects().size() + " projects, ")
                .contains(String.format("%,d events", plan.eventCount()))
                .contains("planned investment " + Money.yi(plan.plannedInvestmentCny()));
    }

    @Test
    void aWrongCommandLineExitsWithTwoAndSaysWhy() throws Exception {
        assertThat(run("--fast")).isEqualTo(2);
        assertThat(err()).contains("unknown option --fast").contains("usage:");
    }

    @Test
    void aServiceThatDoesNotAnswerFailsTheCommandClearly() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThat(run("--milestone-url=http://127.0.0.1:" + closedPort, "--threads=2")).isEqualTo(1);
        assertThat(err()).contains("requests failed").contains("no answer")
                .contains("is milestone-service running at http://127.0.0.1:" + closedPort);

        assertThat(run("--if-empty", "--funnel-url=http://127.0.0.1:" + closedPort)).isEqualTo(1);
        assertThat(err()).contains("cannot tell whether the ledger is empty");
    }

    private int run(String... arguments) throws InterruptedException {
        out.reset();
        err.reset();
        return DemoDataCommand.run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
