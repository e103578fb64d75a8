package io.groundbreak.faults.check;

import io.groundbreak.faults.load.Acknowledged;
import io.groundbreak.faults.stack.Stack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The three databases as they are now, read directly over JDBC (the suite owns them):
 * milestone-service's event store ({@code domain_event_entry}: each project's highest sequence; the unique
 * {@code (aggregate_identifier, sequence_number)} means sequences have no holes), audit-service's ledger
 * ({@code ledger_event}: event ids and their project and sequence) and funnel-service's active read model
 * ({@code read_model.active} → {@code <schema>.applied_sequence}: per project, the last sequence applied).
 */
public record StoreSnapshot(Map<UUID, Long> eventStoreHeads, Map<UUID, String> ledger, Map<UUID, Long> funnelApplied) {

    /** How many of {@code acknowledged} each store holds. */
    public record Counts(int acknowledged, int inEventStore, int inLedger, int inFunnel) {
        public boolean complete() {
            return inEventStore == acknowledged && inLedger == acknowledged && inFunnel == acknowledged;
        }
    }

    public static StoreSnapshot read(Stack stack) throws SQLException {
        Map<UUID, Long> heads = new HashMap<>();
        try (Connection connection = stack.postgres.connect(Stack.MILESTONES_DATABASE);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT aggregate_identifier, max(sequence_number) FROM domain_event_entry GROUP BY aggregate_identifier")) {
            while (rows.next()) {
                heads.put(UUID.fromString(rows.getString(1)), rows.getLong(2));
            }
        }
        Map<UUID, String> ledger = new HashMap<>();
        try (Connection connection = stack.postgres.connect(Stack.AUDIT_DATABASE);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT event_id, project_id, sequence FROM ledger_event")) {
            while (rows.next()) {
                ledger.put(UUID.fromString(rows.getString(1)), rows.getString(2) + "/" + rows.getLong(3));
            }
        }
        Map<UUID, Long> applied = new HashMap<>();
        try (Connection connection = stack.postgres.connect(Stack.FUNNEL_DATABASE);
             Statement statement = connection.createStatement()) {
            String schema;
            try (ResultSet active = statement.executeQuery("SELECT active FROM public.read_model")) {
                active.next();
                schema = active.getString(1);
            }
            if (!schema.matches("[a-z_]+")) {
                throw new IllegalStateException("unexpected read model schema " + schema);
            }
            try (ResultSet rows = statement.executeQuery("SELECT project_id, last_sequence FROM " + schema + ".applied_sequence")) {
                while (rows.next()) {
                    applied.put(UUID.fromString(rows.getString(1)), rows.getLong(2));
                }
            }
        }
        return new StoreSnapshot(heads, ledger, applied);
    }

    public Counts count(List<Acknowledged> acknowledged) {
        int store = 0;
        int inLedger = 0;
        int funnel = 0;
        for (Acknowledged ack : acknowledged) {
            if (eventStoreHeads.getOrDefault(ack.projectId(), -1L) >= ack.sequence()) {
                store++;
            }
            if ((ack.projectId() + "/" + ack.sequence()).equals(ledger.get(ack.eventId()))) {
                inLedger++;
            }
            if (funnelApplied.getOrDefault(ack.projectId(), -1L) >= ack.sequence()) {
                funnel++;
            }
        }
        return new Counts(acknowledged.size(), store, inLedger, funnel);
    }

    /** Events of the acknowledged projects that the event store holds beyond what any client was told. */
    public long unacknowledgedInEventStore(List<Acknowledged> acknowledged) {
        Map<UUID, Long> told = new HashMap<>();
        for (Acknowledged ack : acknowledged) {
            told.merge(ack.projectId(), ack.sequence(), Math::max);
        }
        long extra = 0;
        for (Map.Entry<UUID, Long> project : told.entrySet()) {
            extra += Math.max(0, eventStoreHeads.getOrDefault(project.getKey(), -1L) - project.getValue());
        }
        return extra;
    }

    public Set<UUID> ledgerEventIds() {
        return new HashSet<>(ledger.keySet());
    }
}
