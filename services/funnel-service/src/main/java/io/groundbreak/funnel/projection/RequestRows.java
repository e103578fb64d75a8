package io.groundbreak.funnel.projection;

import io.groundbreak.events.ChangeApproved;
import io.groundbreak.events.ChangeRejected;
import io.groundbreak.events.ChangeRequested;
import io.groundbreak.events.ChangeWithdrawn;
import io.groundbreak.events.EventCodec;
import io.groundbreak.events.MilestoneCorrected;
import io.groundbreak.events.MilestoneRetracted;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.ProjectTerminated;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the change requests' events of a batch into change_request, in order, live and in a rebuild alike: a request
 * is inserted pending and closed by its approval, rejection or withdrawal. Requests are few beside the projects' other
 * events, so plain statements serve both (the rebuild's COPY is for the millions).
 */
@Component
class RequestRows {

    private final JdbcClient jdbc;

    RequestRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void write(Collection<ProjectRows> batch) {
        for (ProjectRows rows : batch) {
            for (RequestStep step : rows.requestSteps) {
                if (step.event() instanceof ChangeRequested requested) {
                    jdbc.sql("""
                                    INSERT INTO change_request (request_id, project_id, sequence, action, change, requested_by,
                                        requested_at, status)
                                    VALUES (:request, :project, :sequence, :action, :change, :by, :at, 'pending')
                                    ON CONFLICT DO NOTHING""")
                            .param("request", requested.requestId().value())
                            .param("project", rows.projectId)
                            .param("sequence", step.sequence())
                            .param("action", action(requested.change()))
                            .param("change", StorableText.of(EventCodec.toJson(requested.change())))
                            .param("by", StorableText.of(step.by()))
                            .param("at", Timestamp.from(step.at()))
                            .update();
                } else {
                    close(step);
                }
            }
        }
    }

    /** A request closes once, while pending; a closing event of a request not on record changes nothing. */
    private void close(RequestStep step) {
        String status;
        UUID request;
        String reason;
        if (step.event() instanceof ChangeApproved approved) {
            status = "approved";
            request = approved.requestId().value();
            reason = approved.note();
        } else if (step.event() instanceof ChangeRejected rejected) {
            status = "rejected";
            request = rejected.requestId().value();
            reason = rejected.reason();
        } else if (step.event() instanceof ChangeWithdrawn withdrawn) {
            status = "withdrawn";
            request = withdrawn.requestId().value();
            reason = withdrawn.reason();
        } else {
            throw new IllegalArgumentException("not a change request's event: " + step.event().type());
        }
        jdbc.sql("""
                        UPDATE change_request SET status = :status, closed_by = :by, closed_at = :at, close_reason = :reason
                        WHERE request_id = :request AND status = 'pending'""")
                .param("status", status)
                .param("by", StorableText.of(step.by()))
                .param("at", Timestamp.from(step.at()))
                .param("reason", StorableText.of(reason), java.sql.Types.VARCHAR)
                .param("request", request)
                .update();
    }

    /** The contract's name of the requested change. */
    private static String action(ProjectEvent change) {
        return change instanceof MilestoneCorrected ? "correction"
                : change instanceof MilestoneRetracted ? "retraction"
                : change instanceof ProjectTerminated ? "termination"
                : "amendment";
    }
}
