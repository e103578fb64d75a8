package io.groundbreak.funnel.rebuild;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The rebuild as a command: the {@code rebuild} profile starts the service without web server and
 * live consumer, rebuilds, switches and exits (0 when switched, 1 otherwise). It may run while the
 * service itself runs against the same database and topic.
 */
@Component
@ConditionalOnProperty(name = "groundbreak.funnel.rebuild-and-exit", havingValue = "true")
class RebuildCommand implements ApplicationRunner {

    private final Rebuild rebuild;
    private final ConfigurableApplicationContext context;

    RebuildCommand(Rebuild rebuild, ConfigurableApplicationContext context) {
        this.rebuild = rebuild;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        RebuildReport report = rebuild.runNow();
        int exitCode = report.failure() == null ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> exitCode));
    }
}
