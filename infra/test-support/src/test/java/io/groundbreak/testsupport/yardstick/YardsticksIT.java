package io.groundbreak.testsupport.yardstick;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.testsupport.TestDatabase;
import io.groundbreak.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The raw limits read everything they are pointed at, in the order they say, and count what they touched. */
class YardsticksIT {

    @Test
    void theLedgerScanHashesEveryRowInProjectAndSequenceOrder() throws Exception {
        TestDatabase database = TestInfrastructure.get().newDatabase("yardstick");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        CREATE TABLE ledger_event (event_id text, event_type text, project_id text, sequence bigint,
                            recorded_at text, recorded_by text, prev_hash text, hash text, district text, data text)""");
                statement.execute("""
                        INSERT INTO ledger_event VALUES
                            ('e3', 'MilestoneRecorded', 'p-b', 1, 't3', 'd1', 'h2', 'h3', '120101', '{}'),
                            ('e2', 'MilestoneRecorded', 'p-a', 2, 't2', 'd1', 'h1', 'h2', '120101', '{}'),
                            ('e1', 'ProjectRegistered', 'p-a', 1, 't1', 'd1', '', 'h1', '120101', '{}')""");
            }
            LedgerScanAndHash scan = LedgerScanAndHash.over(connection);

            assertThat(scan.rows()).isEqualTo(3);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String field : List.of("e3", "MilestoneRecorded", "p-b", "1", "t3", "d1", "h2", "h3", "120101", "{}")) {
                sha256.update(field.getBytes(StandardCharsets.UTF_8));
            }
            assertThat(scan.lastDigest()).as("the last row in order, hashed alone")
                    .isEqualTo(HexFormat.of().formatHex(sha256.digest()));
        }
    }

    @Test
    void theBareConsumerReadsEveryPartitionFromTheBeginningAndCountsKeysBodiesAndHeaders() throws Exception {
        String brokers = TestInfrastructure.get().kafkaBootstrapServers();
        String topic = "yardstick." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 9; i++) {
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, i % 3, new byte[] {(byte) i},
                        new byte[10]);
                record.headers().add("ce_type", new byte[4]);
                producer.send(record).get(30, TimeUnit.SECONDS);
            }
        }

        BareConsumerRead read = BareConsumerRead.fromBeginning(brokers, topic, 9);

        assertThat(read.records()).isEqualTo(9);
        assertThat(read.bytes()).isEqualTo(9 * (1 + 10 + 4));
        assertThat(read.recordsPerSecond()).isPositive();
    }
}
