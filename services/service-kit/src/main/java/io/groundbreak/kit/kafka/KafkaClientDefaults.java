package io.groundbreak.kit.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults for every Kafka client of every Groundbreak service (Spring Kafka's producer, consumer and
 * admin, and Spring Cloud Stream's binder, which builds its clients on the same {@code spring.kafka.*}
 * properties), so that a broker that is gone neither floods the log nor holds up shutdown.
 * <p>
 * Without them, each client with no broker reconnects every second at most ({@code reconnect.backoff.max.ms}
 * = 1 s) and logs a warning each time ("Connection to node -1 … could not be established") plus an info
 * line "Rebootstrapping with …" whenever every known node is in back-off; every admin client does so
 * until it is closed, and closing one waits for its pending calls ({@code default.api.timeout.ms} = 60 s);
 * the binder's health check waits 60 s for a broker. The defaults:
 * <ul>
 *   <li>{@code reconnect.backoff.ms} 1 s growing to {@code reconnect.backoff.max.ms} 10 s per client and
 *       node: at most a few connection attempts (and warnings) a minute, and a broker that is back is
 *       seen within 10 s;</li>
 *   <li>{@code org.apache.kafka.clients.Metadata} logs at WARN: the "Rebootstrapping with …" info lines
 *       (one per failed round) are gone, the warnings of {@code NetworkClient} (bounded above) stay;</li>
 *   <li>admin clients: {@code default.api.timeout.ms} 10 s, {@code request.timeout.ms} 5 s, and Spring's
 *       {@code KafkaAdmin} {@code operation-timeout} 10 s and {@code close-timeout} 5 s: a start with the
 *       broker away waits 10 s for its topics (not 30 s), and no close waits on a pending call for long;</li>
 *   <li>{@code spring.kafka.template.close-timeout} 5 s (a producer's close);</li>
 *   <li>{@code spring.cloud.stream.kafka.binder.health-timeout} 5 s (seconds; default 60).</li>
 * </ul>
 * Every one is a default: the lowest-precedence property source, after application.yml, so a service or
 * an environment variable that sets one wins. {@code groundbreak.kafka.client-defaults.enabled=false}
 * turns them all off. Build any AdminClient of your own from {@code KafkaAdmin.getConfigurationProperties()}
 * (or {@code KafkaProperties.buildAdminProperties()}) so that they apply to it as well.
 */
public class KafkaClientDefaults implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY_SOURCE = "groundbreakKafkaClientDefaults";
    public static final String ENABLED = "groundbreak.kafka.client-defaults.enabled";

    static final Map<String, Object> DEFAULTS = defaults();

    private static Map<String, Object> defaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        // every client: producer, consumer, admin (Spring Kafka's and the binder's)
        defaults.put("spring.kafka.properties.reconnect.backoff.ms", "1000");
        defaults.put("spring.kafka.properties.reconnect.backoff.max.ms", "10000");
        // admin clients: no call, and so no close, waits long on a broker that is gone
        defaults.put("spring.kafka.admin.properties.default.api.timeout.ms", "10000");
        defaults.put("spring.kafka.admin.properties.request.timeout.ms", "5000");
        // an admin client with no broker fetches metadata (and rebootstraps) after retry.backoff.ms growing to
        // this: every 10 s at most instead of several times a second
        defaults.put("spring.kafka.admin.properties.retry.backoff.max.ms", "10000");
        defaults.put("spring.kafka.admin.operation-timeout", "10s");
        defaults.put("spring.kafka.admin.close-timeout", "5s");
        defaults.put("spring.kafka.template.close-timeout", "5s");
        defaults.put("spring.cloud.stream.kafka.binder.health-timeout", "5");
        // INFO lines on every failed round, per client: "Rebootstrapping with ..." (producer and consumer:
        // Metadata; admin client: AdminMetadataManager, ~280 a minute for one idle admin client), "Node -1
        // disconnected.", "Cancelled in-flight ... request" (NetworkClient), "Error sending fetch request"
        // (FetchSessionHandler). WARN stays: "Connection to node ... could not be established" once per
        // attempt, and attempts are bounded by the reconnect back-off above
        defaults.put("logging.level.org.apache.kafka.clients.Metadata", "WARN");
        defaults.put("logging.level.org.apache.kafka.clients.admin.internals.AdminMetadataManager", "WARN");
        defaults.put("logging.level.org.apache.kafka.clients.NetworkClient", "WARN");
        defaults.put("logging.level.org.apache.kafka.clients.FetchSessionHandler", "WARN");
        return Map.copyOf(defaults);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(ENABLED, Boolean.class, true)
                || environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, new LinkedHashMap<>(DEFAULTS)));
    }

    /** After the config data (application.yml) is loaded, so that adding last really is lowest precedence. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
