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
        assertThat(options.threads()).isEqualTo(4);
        assertThat(options.onlyIfEmpty()).isFalse();
        assertThat(options.dryRun()).isFalse();
    }

    @Test
    void everyOptionIsRead() {
        CommandOptions options = CommandOptions.parse(List.of("--milestone-url=http://host:9001/", "--if-empty",
                "--funnel-url=https://funnel.example", "--threads=8", "--dry-run"));
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
    }
}
