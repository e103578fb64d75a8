package io.groundbreak.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A district user asked for a change of the project's past that needs a second person (schema 1.3): exactly one of
 * the four is present, as the event it would record. Nothing changes until {@link ChangeApproved}, which is followed
 * on the same stream by that event; {@link ChangeRejected} or {@link ChangeWithdrawn} close the request instead.
 */
public record ChangeRequested(
        ProjectId projectId,
        ChangeRequestId requestId,
        MilestoneCorrected correction,
        MilestoneRetracted retraction,
        ProjectTerminated termination,
        ProjectDetailsAmended amendment) implements ProjectEvent {

    public ChangeRequested {
        if (Stream.of(correction, retraction, termination, amendment).filter(Objects::nonNull).count() != 1) {
            throw new IllegalArgumentException("a change request holds exactly one change");
        }
    }

    public static ChangeRequested of(ChangeRequestId requestId, ProjectEvent change) {
        return new ChangeRequested(change.projectId(), requestId,
                change instanceof MilestoneCorrected corrected ? corrected : null,
                change instanceof MilestoneRetracted retracted ? retracted : null,
                change instanceof ProjectTerminated terminated ? terminated : null,
                change instanceof ProjectDetailsAmended amended ? amended : null);
    }

    /** The event the request would record. */
    @JsonIgnore
    public ProjectEvent change() {
        return Stream.<ProjectEvent>of(correction, retraction, termination, amendment)
                .filter(Objects::nonNull).findFirst().orElseThrow();
    }
}
