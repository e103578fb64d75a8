package io.groundbreak.milestone.project.command;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.milestone.envelope.EnvelopeMetaData;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;

/**
 * The head of a project's hash chain. It sees every event of the project (an aggregate member is
 * sourced from all of them), so the previous hash is known for certain when the next event is sealed:
 * the aggregate is loaded under its lock and the event store refuses a duplicate sequence.
 */
class ChainHead {

    private String lastHash = HashChain.GENESIS_PREV_HASH;
    private long nextSequence;

    EventEnvelope seal(ProjectEvent event, String recordedBy, Instant now, String district) {
        return HashChain.seal(UUID.randomUUID(), nextSequence, now, recordedBy, lastHash, district, event);
    }

    @EventSourcingHandler
    void on(ProjectEvent event, MetaData metaData) {
        lastHash = EnvelopeMetaData.hash(metaData);
        nextSequence++;
    }
}
