package io.groundbreak.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * The city's coordination office decided whether two projects are one investment (schema 1.3). When {@code same}, the
 * project that is not {@code primaryProjectId} is a duplicate of it and leaves every figure; when not, the pair is no
 * longer a candidate. The latest decision on a pair replaces the earlier ones, so a reversal is another decision.
 * The event belongs to neither project: it is on the pair's stream, whose subject is {@link #pairOf} and whose
 * district is {@link EventEnvelope#CITY}, hash-chained like a project's. The two projects are named in ascending
 * order of their ids.
 */
public record DuplicateDecided(
        ProjectId pairId,
        ProjectId firstProjectId,
        ProjectId secondProjectId,
        Boolean same,
        ProjectId primaryProjectId,
        String reason) implements ProjectEvent {

    /** The subject of a pair's stream: the same id for the same two projects in either order (a name-based UUID). */
    public static ProjectId pairOf(ProjectId one, ProjectId other) {
        ProjectId first = first(one, other);
        ProjectId second = first.equals(one) ? other : one;
        return new ProjectId(UUID.nameUUIDFromBytes(("groundbreak:duplicate:" + first + ":" + second)
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** The one of two ids that a pair names first. */
    public static ProjectId first(ProjectId one, ProjectId other) {
        return one.toString().compareTo(other.toString()) <= 0 ? one : other;
    }

    /** When the pair is one investment, the project counted no longer: the one that is not primary. */
    @JsonIgnore
    public Optional<ProjectId> duplicate() {
        if (!Boolean.TRUE.equals(same) || primaryProjectId == null) {
            return Optional.empty();
        }
        return Optional.of(primaryProjectId.equals(firstProjectId) ? secondProjectId : firstProjectId);
    }

    /** The stream's subject: every event on the topic names one; a pair's is its pair id. */
    @JsonIgnore
    @Override
    public ProjectId projectId() {
        return pairId;
    }
}
