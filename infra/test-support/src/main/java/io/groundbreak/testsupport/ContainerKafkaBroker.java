package io.groundbreak.testsupport;

import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A broker in a Testcontainers {@code apache/kafka} container of the clients' own version.
 * {@link #stop()} pauses the container and {@link #start()} unpauses it: a restarted container would
 * come back on another mapped port, and fault tests need the same address.
 */
final class ContainerKafkaBroker implements KafkaBroker, AutoCloseable {

    private final KafkaContainer container;
    private boolean paused;

    private ContainerKafkaBroker(KafkaContainer container) {
        this.container = container;
    }

    static ContainerKafkaBroker startNew() {
        KafkaContainer container = new KafkaContainer(DockerImageName.parse("apache/kafka:" + AppInfoParser.getVersion()))
                // the same settings as infra/kafka-broker's server.properties
                .withEnv("KAFKA_NUM_PARTITIONS", "6")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1");
        container.start();
        return new ContainerKafkaBroker(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public synchronized boolean isRunning() {
        return container.isRunning() && !paused;
    }

    @Override
    public synchronized void stop() {
        if (!paused) {
            DockerClientFactory.instance().client().pauseContainerCmd(container.getContainerId()).exec();
            paused = true;
        }
    }

    @Override
    public synchronized void start() {
        if (paused) {
            DockerClientFactory.instance().client().unpauseContainerCmd(container.getContainerId()).exec();
            paused = false;
        }
    }

    @Override
    public boolean canRestart() {
        return true;
    }

    @Override
    public void close() {
        container.stop();
    }
}
