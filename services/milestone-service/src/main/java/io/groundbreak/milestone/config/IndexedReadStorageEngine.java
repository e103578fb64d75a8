package io.groundbreak.milestone.config;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;

/**
 * Axon's JPA storage engine, reading the store from a token in two queries PostgreSQL answers from the primary key's
 * ranges, where Axon's one ({@code globalIndex > :token OR globalIndex IN :gaps ORDER BY globalIndex}) was answered
 * by walking the whole primary key in order and filtering each row: the OR keeps either condition out of the index
 * scan, and the planner, expecting the page soon, chose that walk whatever the plan's parameters. It cost the publisher
 * 45–150 ms per read on 10,000–300,000 events, growing with the store (infra/bench/ANALYSIS.md, freshness).
 * <p>
 * The same rows, in the same order: the gaps of a token all lie below its index, so the page is the gaps' events in
 * index order, then the events after the index, up to the batch size. The events after the index are read first:
 * each statement sees the commits made before it began, and an event after the index was appended only once its
 * project's previous event had committed, so the gaps' read that follows sees that previous event whenever it is a
 * gap (read the other way round, the previous event could commit between the two and be left behind its successor).
 */
final class IndexedReadStorageEngine extends JpaEventStorageEngine {

    private static final String SELECTED = "SELECT e.globalIndex, e.type, e.aggregateIdentifier, e.sequenceNumber, "
            + "e.eventIdentifier, e.timeStamp, e.payloadType, e.payloadRevision, e.payload, e.metaData FROM ";

    IndexedReadStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected List<Object[]> fetchEvents(GapAwareTrackingToken token) {
        List<Object[]> afterIndex = entityManager()
                .createQuery(SELECTED + domainEventEntryEntityName()
                        + " e WHERE e.globalIndex > :token ORDER BY e.globalIndex ASC", Object[].class)
                .setParameter("token", token == null ? -1L : token.getIndex())
                .setMaxResults(batchSize())
                .getResultList();
        if (token == null || token.getGaps().isEmpty()) {
            return afterIndex;
        }
        List<Object[]> page = new ArrayList<>(entityManager()
                .createQuery(SELECTED + domainEventEntryEntityName()
                        + " e WHERE e.globalIndex IN :gaps ORDER BY e.globalIndex ASC", Object[].class)
                .setParameter("gaps", token.getGaps())
                .setMaxResults(batchSize())
                .getResultList());
        page.addAll(afterIndex.subList(0, Math.min(afterIndex.size(), batchSize() - page.size())));
        return page;
    }
}
