package io.groundbreak.funnel.projection;

import io.groundbreak.events.EventEnvelope;

/** An event whose change the read-model tables refuse (see {@code ProjectRows.refusal}): live, a write that fails. */
public class RefusedByTables extends RuntimeException {

    public RefusedByTables(EventEnvelope envelope, String why) {
        super(envelope.type() + " " + envelope.id() + " (sequence " + envelope.sequence() + ") of project "
                + envelope.subject() + " cannot be stored: " + why);
    }
}
