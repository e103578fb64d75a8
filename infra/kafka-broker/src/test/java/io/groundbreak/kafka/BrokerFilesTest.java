package io.groundbreak.kafka;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrokerFilesTest {

    @TempDir
    Path home;

    @Test
    void rendersASingleNodeLoopbackConfigurationWithEveryReplicationFactorAtOne() throws IOException {
        Path config = BrokerFiles.writeConfig(home, 19092, 19093);

        String text = Files.readString(config);
        assertThat(text).doesNotContain("@PORT@", "@CONTROLLER_PORT@", "@LOG_DIR@");
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        assertThat(properties.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(properties.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:19093");
        assertThat(properties.getProperty("log.dirs")).isEqualTo(home.resolve("data").toAbsolutePath().toString());
        for (String key : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                "transaction.state.log.min.isr", "share.coordinator.state.topic.replication.factor",
                "share.coordinator.state.topic.min.isr", "default.replication.factor", "min.insync.replicas")) {
            assertThat(properties.getProperty(key)).as(key).isEqualTo("1");
        }
        assertThat(properties.getProperty("num.partitions")).isEqualTo("6");
        assertThat(properties.getProperty("group.initial.rebalance.delay.ms")).isEqualTo("0");
        assertThat(home.resolve("log4j2.xml")).exists();
        assertThat(BrokerFiles.isFormatted(home)).isFalse();
    }

    @Test
    void rendersANodeOfAThreeNodeClusterThatReplicatesThreeTimesAndAcknowledgesWithTwo() throws IOException {
        List<BrokerFiles.Node> quorum = List.of(new BrokerFiles.Node(1, 19092, 19192),
                new BrokerFiles.Node(2, 19093, 19193), new BrokerFiles.Node(3, 19094, 19194));

        Path config = BrokerFiles.writeClusterConfig(home, quorum.get(1), quorum, "AAAAAAAAAAAAAAAAAAAAAA");

        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(config)));
        assertThat(properties.getProperty("node.id")).isEqualTo("2");
        assertThat(properties.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://127.0.0.1:19093,CONTROLLER://127.0.0.1:19193");
        assertThat(properties.getProperty("controller.quorum.voters"))
                .isEqualTo("1@127.0.0.1:19192,2@127.0.0.1:19193,3@127.0.0.1:19194");
        for (String key : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                "share.coordinator.state.topic.replication.factor", "default.replication.factor")) {
            assertThat(properties.getProperty(key)).as(key).isEqualTo("3");
        }
        for (String key : List.of("min.insync.replicas", "transaction.state.log.min.isr",
                "share.coordinator.state.topic.min.isr")) {
            assertThat(properties.getProperty(key)).as(key).isEqualTo("2");
        }
        assertThat(BrokerFiles.brokerCommand(home, 42, BrokerFiles.Tuning.QUICK_START))
                .as("every node formats its storage with the cluster's id")
                .contains("-D" + BrokerFiles.FORMAT_CLUSTER_ID_PROPERTY + "=AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(BrokerFiles.bootstrapServers(quorum)).isEqualTo("127.0.0.1:19092,127.0.0.1:19093,127.0.0.1:19094");
    }

    @Test
    void aNodeOutsideItsQuorumIsRefused() {
        List<BrokerFiles.Node> quorum = List.of(new BrokerFiles.Node(1, 19092, 19192));

        assertThatThrownBy(() -> BrokerFiles.writeClusterConfig(home, new BrokerFiles.Node(2, 19093, 19193), quorum, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theClasspathNamesExistingKafkaJarsAndThisModule() {
        List<String> entries = Arrays.asList(BrokerFiles.classpath().split(File.pathSeparator));

        assertThat(entries).allSatisfy(entry -> assertThat(Path.of(entry)).exists());
        assertThat(entries).anySatisfy(entry -> assertThat(entry).contains("kafka_2.13"));
        assertThat(entries).anySatisfy(entry -> assertThat(entry).contains("log4j-slf4j2-impl"));
    }

    @Test
    void theBrokerCommandRunsChildBrokerWithTheRenderedFiles() {
        List<String> command = BrokerFiles.brokerCommand(home, 42, BrokerFiles.Tuning.QUICK_START);

        assertThat(command.get(0)).endsWith("java");
        assertThat(command).contains("-D" + BrokerFiles.PARENT_PID_PROPERTY + "=42", ChildBroker.class.getName(),
                home.resolve("server.properties").toAbsolutePath().toString());
        assertThat(command).anySatisfy(option -> assertThat(option).startsWith("-D" + BrokerFiles.FORMAT_CLUSTER_ID_PROPERTY + "="));
    }

    @Test
    void clusterIdsLookLikeKafkasAndNeverStartWithADash() {
        for (int i = 0; i < 1000; i++) {
            assertThat(BrokerFiles.newClusterId()).matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}");
        }
    }
}
