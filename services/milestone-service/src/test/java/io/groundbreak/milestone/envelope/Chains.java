package io.groundbreak.milestone.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.ProjectEvent;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;

/** The hash chain of one project's stored events, recomputed: sequences from 0 without gaps, links, hashes. */
public final class Chains {

    private Chains() {
    }

    /** @return the events' envelopes, once each has been checked */
    public static List<EventEnvelope> assertIntact(List<? extends DomainEventMessage<?>> events) {
        List<EventEnvelope> envelopes = new ArrayList<>();
        String prevHash = HashChain.GENESIS_PREV_HASH;
        for (DomainEventMessage<?> event : events) {
            EventEnvelope envelope = EnvelopeMetaData.envelope((ProjectEvent) event.getPayload(),
                    event.getSequenceNumber(), event.getMetaData());
            assertThat(envelope.sequence()).as("sequence of %s", envelope.subject()).isEqualTo(envelopes.size());
            assertThat(envelope.prevHash()).as("link of %s #%d", envelope.subject(), envelope.sequence()).isEqualTo(prevHash);
            assertThat(envelope.hashIsIntact()).as("hash of %s #%d", envelope.subject(), envelope.sequence()).isTrue();
            prevHash = envelope.hash();
            envelopes.add(envelope);
        }
        return envelopes;
    }
}
