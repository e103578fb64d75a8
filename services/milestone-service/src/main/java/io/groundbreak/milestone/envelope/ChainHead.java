package io.groundbreak.milestone.envelope;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.ProjectEvent;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;

/**
 * The head of a stream's hash chain (a project's, or a year's targets'). It sees every event of the stream (an aggregate member is
 * sourced from all of them), so the previous hash is known for certain when the next event is sealed:
 * the aggregate is loaded under its lock and the event store refuses a duplicate sequence.
 */
public class ChainHead {

    private String lastHash = HashChain.GENESIS_PREV_HASH;
    private long nextSequence;

    public EventEnvelope seal(ProjectEvent event, String recordedBy, Instant now, String district) {
        return HashChain.seal(UUID.randomUUID(), nextSequence, now, recordedBy, lastHash, district, event);
    }

    @EventSourcingHandler
    void on(ProjectEvent event, MetaData metaData) {
        lastHash = EnvelopeMetaData.hash(metaData);
        nextSequence++;
    }
}
