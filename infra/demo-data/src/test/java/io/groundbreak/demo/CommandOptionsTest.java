package io.groundbreak.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandOptionsTest {

    @Test
    void withoutOptionsTheLocalStackIsMeant() {
        CommandOptions options = CommandOptions.parse(List.of());
        assertThat(options.milestoneService()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(options.funnelService()).isEqualTo(URI.create("http://127.0.0.1:8082"));
        assertThat(options.auditService()).isEqualTo(URI.create("http://127.0.0.1:8083"));
        assertThat(options.today()).isEqualTo(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        assertThat(options.threads()).isEqualTo(4);
        assertThat(options.onlyIfEmpty()).isFalse();
        assertThat(options.dryRun()).isFalse();
    }

    @Test
    void everyOptionIsRead() {
        CommandOptions options = CommandOptions.parse(List.of("--milestone-url=http://host:9001/", "--if-empty",
                "--funnel-url=https://funnel.example", "--threads=8", "--dry-run", "--audit-url=http://audit:9003",
                "--today=2025-06-15"));
        assertThat(options.auditService()).isEqualTo(URI.create("http://audit:9003"));
        assertThat(options.today()).isEqualTo(java.time.LocalDate.of(2025, 6, 15));
        assertThat(options.milestoneService()).isEqualTo(URI.create("http://host:9001"));
        assertThat(options.funnelService()).isEqualTo(URI.create("https://funnel.example"));
        assertThat(options.threads()).isEqualTo(8);
        assertThat(options.onlyIfEmpty()).isTrue();
        assertThat(options.dryRun()).isTrue();
    }

    @Test
    void wrongOptionsAreRefusedByName() {
        assertThatThrownBy(() -> CommandOptions.parse(List.of("--threads=0"))).hasMessageContaining("--threads");
        assertThatThrownBy(() -> CommandOptions.parse(List.of("--threads=many"))).hasMessageContaining("--threads");
        assertThatThrownBy(() -> CommandOptions.parse(List.of("--milestone-url=localhost:8081")))
                .hasMessageContaining("--milestone-url");
        assertThatThrownBy(() -> CommandOptions.parse(List.of("--if-empty=yes"))).hasMessageContaining("--if-empty");
        assertThatThrownBy(() -> CommandOptions.parse(List.of("--fast"))).hasMessageContaining("--fast");
        // never a day to come, nor one before the plan's years are told
        assertThatThrownBy(() -> CommandOptions.parse(List.of("--today=" + java.time.LocalDate.now().plusDays(2))))
                .hasMessageContaining("--today");
        assertThatThrownBy(() -> CommandOptions.parse(List.of("--today=2023-06-30"))).hasMessageContaining("--today");
        assertThatThrownBy(() -> CommandOptions.parse(List.of("--today=June"))).hasMessageContaining("--today");
    }
}
