package io.groundbreak.bench;

import io.groundbreak.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What PostgreSQL itself does on this machine: inserts of event-sized rows into a copy of Axon's
 * {@code domain_event_entry} (same columns, primary key, both unique constraints and a global index from
 * a sequence), with plain JDBC, one row per transaction or 100 per transaction, on 1 and on N connections.
 * Each measurement starts on an empty table after a CHECKPOINT, so that none pays for another's writes.
 */
final class RawJdbcLimits {

    static final int BATCH = 100;

    private final TestDatabase database;
    private final EventSamples samples;
    private final AtomicLong sequence = new AtomicLong();

    RawJdbcLimits(TestDatabase database, EventSamples samples) {
        this.database = database;
        this.samples = samples;
    }

    void createTable() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            // Axon's domain_event_entry again on purpose, not read from a migration: the limit is of that table's
            // shape, whatever a service's schema becomes.
            statement.execute("CREATE SEQUENCE raw_event_global_index_seq START WITH 1 INCREMENT BY 1");
            statement.execute("""
                    CREATE TABLE raw_event (
                        global_index         BIGINT       NOT NULL PRIMARY KEY DEFAULT nextval('raw_event_global_index_seq'),
                        aggregate_identifier VARCHAR(255) NOT NULL,
                        sequence_number      BIGINT       NOT NULL,
                        type                 VARCHAR(255),
                        event_identifier     VARCHAR(255) NOT NULL,
                        meta_data            BYTEA,
                        payload              BYTEA        NOT NULL,
                        payload_revision     VARCHAR(255),
                        payload_type         VARCHAR(255) NOT NULL,
                        time_stamp           VARCHAR(255) NOT NULL,
                        CONSTRAINT raw_event_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number),
                        CONSTRAINT raw_event_event_identifier UNIQUE (event_identifier))""");
        }
    }

    /** Rows per second over {@code seconds}, {@code rowsPerTransaction} rows committed at a time. */
    Figure measure(String key, String name, int connections, int rowsPerTransaction, int seconds) throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE raw_event");
            statement.execute("CHECKPOINT");
        }
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        long begin = System.nanoTime();
        try {
            List<Future<Long>> inserted = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                inserted.add(threads.submit(inserter(rowsPerTransaction, deadline)));
            }
            long rows = 0;
            for (Future<Long> future : inserted) {
                rows += future.get();
            }
            double elapsed = (System.nanoTime() - begin) / 1e9;
            return Figure.rawLimit(key, name, rows / elapsed, "rows/s", Map.of(
                    "connections", connections, "rowsPerTransaction", rowsPerTransaction, "rows", rows,
                    "seconds", elapsed, "averageRowBytes", Math.round(samples.averageRowBytes())));
        } finally {
            threads.shutdownNow();
        }
    }

    private Callable<Long> inserter(int rowsPerTransaction, long deadline) {
        return () -> {
            long rows = 0;
            try (Connection connection = connect();
                 PreparedStatement insert = connection.prepareStatement("""
                         INSERT INTO raw_event (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                                payload, payload_revision, payload_type, time_stamp)
                         VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)""")) {
                connection.setAutoCommit(rowsPerTransaction == 1);
                while (System.nanoTime() < deadline) {
                    for (int i = 0; i < rowsPerTransaction; i++) {
                        long number = sequence.getAndIncrement();
                        EventSamples.Sample sample = samples.get(number);
                        insert.setString(1, sample.projectId());
                        insert.setLong(2, number);
                        insert.setString(3, "Project");
                        insert.setString(4, UUID.randomUUID().toString());
                        insert.setBytes(5, sample.metadata());
                        insert.setBytes(6, sample.body());
                        insert.setString(7, "io.groundbreak.events." + sample.type());
                        insert.setString(8, sample.time());
                        if (rowsPerTransaction == 1) {
                            insert.executeUpdate();
                        } else {
                            insert.addBatch();
                        }
                    }
                    if (rowsPerTransaction > 1) {
                        insert.executeBatch();
                        connection.commit();
                    }
                    rows += rowsPerTransaction;
                }
            }
            return rows;
        };
    }

    private Connection connect() throws SQLException {
        return GroundbreakSystem.connect(database);
    }
}
