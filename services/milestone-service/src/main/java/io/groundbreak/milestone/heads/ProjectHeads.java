package io.groundbreak.milestone.heads;

import io.groundbreak.milestone.envelope.EnvelopeMetaData;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every project's head read straight from Axon's event store ({@code domain_event_entry}): the row
 * with the project's highest sequence, its hash taken from the event's metadata (where the aggregate
 * sealed the envelope, {@link EnvelopeMetaData}). Rows are handed over one by one from a server-side
 * cursor (a read-only transaction, fetch size {@value #FETCH_SIZE}), so a million projects never sit in
 * memory; ordered by project id as text in byte order ({@code COLLATE "C"}), i.e. lower-case UUIDs in
 * {@link String#compareTo} order.
 */
@Component
class ProjectHeads {

    static final int FETCH_SIZE = 1000;
    private static final String HEADS = """
            SELECT DISTINCT ON (aggregate_identifier COLLATE "C") aggregate_identifier, sequence_number, meta_data
            FROM domain_event_entry
            ORDER BY aggregate_identifier COLLATE "C", sequence_number DESC
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final JsonMapper json;

    ProjectHeads(JdbcTemplate jdbc, PlatformTransactionManager transactions, JsonMapper json) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.json = json;
    }

    /** Hands every head to {@code each}, in project id order, inside one read-only transaction. */
    void forEach(Consumer<ProjectHead> each) {
        readOnly.executeWithoutResult(status -> jdbc.query(HEADS, row -> {
            each.accept(new ProjectHead(row.getString(1), row.getLong(2), hash(row.getString(1), row.getBytes(3))));
        }));
    }

    private String hash(String projectId, byte[] metaData) {
        JsonNode hash = metaData == null ? null : json.readTree(metaData).get(EnvelopeMetaData.HASH);
        if (hash == null || !hash.isString()) {
            throw new IllegalStateException("the last event of project " + projectId + " has no hash in its metadata");
        }
        return hash.asString();
    }
}
