package io.groundbreak.funnel.funnel.messaging;

import io.groundbreak.events.ProjectId;

/** An event arrived before its predecessor: applying it would skip a change, so it is refused. */
class SequenceGap extends RuntimeException {

    SequenceGap(ProjectId projectId, long sequence) {
        super("project " + projectId + ": event " + sequence + " arrived before its predecessor was applied");
    }
}
