package io.groundbreak.testsupport.events;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.ProjectId;
import java.time.Instant;
import java.util.UUID;

/** One project's events as milestone-service would seal them: sequence from 0, each linked to the last. */
public final class ProjectStream {

    public final ProjectId projectId = ProjectId.random();
    private final String district;
    private long nextSequence;
    private String prevHash = HashChain.GENESIS_PREV_HASH;

    public ProjectStream(String district) {
        this.district = district;
    }

    public EventEnvelope next(ProjectEvent event) {
        EventEnvelope envelope = HashChain.seal(UUID.randomUUID(), nextSequence++, Instant.now(), "d" + district,
                prevHash, district, event);
        prevHash = envelope.hash();
        return envelope;
    }

    /** The hash the next event links to. */
    public String prevHash() {
        return prevHash;
    }

    /**
     * Seals an event whose own hash is right but whose place in the chain is whatever the caller says,
     * leaving the stream where it is: forks, gaps and broken links.
     */
    public EventEnvelope forged(long sequence, String prevHash, ProjectEvent event) {
        return HashChain.seal(UUID.randomUUID(), sequence, Instant.now(), "d" + district, prevHash, district, event);
    }
}
