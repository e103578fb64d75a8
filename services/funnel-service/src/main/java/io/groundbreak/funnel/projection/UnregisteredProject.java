package io.groundbreak.funnel.projection;

import io.groundbreak.events.EventEnvelope;

/** An event that would give a project that was never registered a row of its own: the read model's keys refuse it. */
public class UnregisteredProject extends RuntimeException {

    public UnregisteredProject(EventEnvelope envelope) {
        super(envelope.type() + " " + envelope.id() + " (sequence " + envelope.sequence() + ") of project "
                + envelope.subject() + ", which is not registered");
    }
}
