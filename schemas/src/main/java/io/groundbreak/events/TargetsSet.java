package io.groundbreak.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The city set or changed targets of one year (schema 1.2): each cell given replaces that district and chain's whole
 * target for the year. The event belongs to no project: it is on the year's plan stream, whose subject is
 * {@link #planOf(int)} and whose district is {@link EventEnvelope#CITY}, hash-chained like a project's.
 */
public record TargetsSet(ProjectId planId, Integer year, List<TargetCell> targets, String reason) implements ProjectEvent {

    public TargetsSet {
        targets = List.copyOf(targets);
    }

    /** The subject of a year's plan stream: the same id for the year on every machine (a name-based UUID). */
    public static ProjectId planOf(int year) {
        return new ProjectId(UUID.nameUUIDFromBytes(("groundbreak:targets:" + year).getBytes(StandardCharsets.UTF_8)));
    }

    /** The stream's subject: every event on the topic names one; a plan's is its plan id. */
    @JsonIgnore
    @Override
    public ProjectId projectId() {
        return planId;
    }
}
